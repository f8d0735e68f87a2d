/** Issuing certificates and importing the old platform's registry. */
export const certificateErrors = {
  CA_UNAVAILABLE: { status: 503, message: "证书签发服务暂不可用，请稍后再试" },
  CA_ADAPTER_UNAVAILABLE: { status: 503, message: "该 CA 厂商的证书更新服务尚未接入，请联系运营人员" },
  CA_RENEWAL_PENDING: { status: 503, message: "CA 正在处理证书更新请求，请稍后再试" },
  CA_RENEWAL_REFUSED: { status: 502, message: "CA 拒绝了证书更新请求，请联系运营人员" },
  CA_RESPONSE_INVALID: { status: 502, message: "CA 返回的证书未通过校验，请联系运营人员" },
  CERTIFICATE_NOT_FOUND: { status: 404, message: "证书不存在" },
  TRUSTED_CERTIFICATE_INVALID: { status: 400, message: "请上传 PEM 格式的 CA 证书（根证书或签发 CA 证书）" },
  TRUSTED_CERTIFICATE_EXISTS: { status: 409, message: "该 CA 证书已登记为信任证书" },
  REGISTRY_IMPORT_INVALID: { status: 400, message: "证书名录文件格式不正确" },
} as const;
