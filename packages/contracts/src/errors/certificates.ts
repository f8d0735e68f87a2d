/** Issuing certificates and importing the old platform's registry. */
export const certificateErrors = {
  CA_UNAVAILABLE: { status: 503, message: "证书签发服务暂不可用，请稍后再试" },
  REGISTRY_IMPORT_INVALID: { status: 400, message: "证书名录文件格式不正确" },
} as const;
