/** Invoice requests (发票) of renewal orders and their issue. */
export const invoiceErrors = {
  INVOICE_REQUEST_NOT_FOUND: { status: 404, message: "发票申请不存在" },
  INVOICE_KIND_FIXED: { status: 409, message: "发票类型一经选择不可更改" },
  INVOICE_TITLE_LOCKED: { status: 409, message: "订单已支付或已关闭，发票抬头信息不能再修改" },
  INVOICE_NOT_ISSUED: { status: 409, message: "发票尚未开具" },
  INVOICE_ORDER_NOT_PAID: { status: 409, message: "订单尚未支付，不能开具发票" },
  INVOICE_PDF_REQUIRED: { status: 415, message: "请上传 PDF 格式的发票文件" },
  INVOICE_PDF_TOO_LARGE: { status: 413, message: "发票文件不能超过 5 MB" },
  INVOICE_DEMO_ONLY: { status: 404, message: "演示发票仅在演示环境中可用" },
} as const;
