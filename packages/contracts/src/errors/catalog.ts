/** The catalog: platforms and certificate categories chosen in an order. */
export const catalogErrors = {
  CATALOG_UNKNOWN_PLATFORM: { status: 400, message: "应用平台不存在" },
  CATALOG_UNKNOWN_CATEGORY: { status: 400, message: "CA 证类别不存在" },
  CATALOG_DUPLICATE_PLATFORM: { status: 400, message: "同一证书不能重复选择应用平台" },
  CATALOG_NO_PLATFORM: { status: 400, message: "请至少选择一个应用平台" },
  CATALOG_NO_ITEMS: { status: 400, message: "请至少选择一张证书" },
  VENDOR_NOT_FOUND: { status: 404, message: "证书厂商不存在" },
  VENDOR_CODE_TAKEN: { status: 409, message: "该证书厂商编码已存在" },
} as const;
