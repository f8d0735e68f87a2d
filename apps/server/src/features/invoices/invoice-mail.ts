import { formatYuan, INVOICE_KIND_NAMES, type InvoiceKind } from "@lnca/contracts";
import type { QueuedMail } from "../notifications/mail.service";

/** The e-mail that carries an issued invoice to the receiving address given at 支付确认. */
export function invoiceMail(input: {
  to: string;
  orderNo: string;
  amountFen: number;
  kind: InvoiceKind;
  title: string;
  fileId: string;
}): QueuedMail {
  const kindName = INVOICE_KIND_NAMES[input.kind];
  const paper = input.kind === "paper_special" ? "纸质发票将另行邮寄，附件为其电子版本。" : "";
  return {
    to: input.to,
    subject: `【辽宁 CA 互联互通服务平台】您的发票已开具（订单号 ${input.orderNo}）`,
    body: [
      "您好：",
      "",
      `您在辽宁 CA 互联互通服务平台的订单 ${input.orderNo}（金额 ${formatYuan(input.amountFen)} 元）的${kindName}已开具，发票抬头：${input.title}。`,
      `发票 PDF 见本邮件附件。${paper}您也可以登录平台，在【个人中心】→【发票管理】中下载。`,
      "",
      "此邮件由系统自动发送，请勿直接回复。",
    ].join("\n"),
    attachmentFileIds: [input.fileId],
  };
}
