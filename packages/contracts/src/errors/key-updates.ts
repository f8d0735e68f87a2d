/** Key updates (J6, 自助年检): the paid item, the key's request and proof, the order of the steps. */
export const keyUpdateErrors = {
  RENEWAL_ITEM_NOT_FOUND: { status: 404, message: "待更新的证书不存在" },
  KEY_UPDATE_NOT_FOUND: { status: 404, message: "证书更新记录不存在" },
  KEY_UPDATE_NOT_AWAITING: { status: 409, message: "该证书当前没有待完成的更新（未支付、已退款或已完成）" },
  KEY_UPDATE_CERTIFICATE_UNAVAILABLE: {
    status: 409,
    message: "原证书已吊销或平台未保存原证书，无法自助年检，请联系办理点",
  },
  KEY_UPDATE_CSR_INVALID: { status: 400, message: "证书请求（CSR）无效：格式错误或未由新密钥签名" },
  KEY_UPDATE_CSR_KEY_UNSUPPORTED: { status: 400, message: "新密钥的类型不受支持（支持 EC P-256 与 RSA 2048）" },
  KEY_UPDATE_CSR_SUBJECT_MISMATCH: { status: 400, message: "证书请求的主体与原证书不一致" },
  KEY_UPDATE_CSR_SAME_KEY: { status: 400, message: "证书请求使用的仍是原密钥，请在 CA 锁中生成新密钥" },
  KEY_UPDATE_PROOF_INVALID: { status: 400, message: "原证书密钥的签名证明无效，请插入原 CA 锁后重试" },
  KEY_UPDATE_WRONG_STEP: { status: 409, message: "证书更新尚未进行到这一步，请按页面提示继续" },
} as const;
