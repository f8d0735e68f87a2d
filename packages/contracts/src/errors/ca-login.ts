/** CA login (J1): the challenge, the certificate and its chain, the signature. */
export const caLoginErrors = {
  CHALLENGE_UNKNOWN: { status: 400, message: "登录请求无效，请重新登录" },
  CHALLENGE_EXPIRED: { status: 400, message: "登录请求已过期，请重新登录" },
  CHALLENGE_REUSED: { status: 400, message: "登录请求已使用，请重新登录" },
  CHALLENGE_WRONG_PURPOSE: { status: 400, message: "签名用途不符，请重新登录" },
  CERTIFICATE_MALFORMED: { status: 400, message: "无法解析 CA 数字证书" },
  CERTIFICATE_UNTRUSTED: { status: 401, message: "CA 数字证书不是由受信任的证书厂商签发" },
  CERTIFICATE_EXPIRED: { status: 401, message: "CA 数字证书已过期，请办理延期" },
  CERTIFICATE_NOT_YET_VALID: { status: 401, message: "CA 数字证书尚未生效" },
  CERTIFICATE_REVOKED: { status: 401, message: "CA 数字证书已被吊销" },
  CERTIFICATE_REVOCATION_UNKNOWN: { status: 401, message: "暂时无法确认 CA 数字证书的吊销状态，请稍后再试" },
  CERTIFICATE_KEY_USAGE: { status: 401, message: "CA 数字证书不可用于登录签名" },
  SIGNATURE_INVALID: { status: 401, message: "签名验证失败，请确认使用的是本人的 CA 锁" },
} as const;
