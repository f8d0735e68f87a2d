/**
 * Every error the platform returns, with its HTTP status and the zh-CN message users see.
 * The web branches on `code`, never on the message.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: "提交的信息有误，请检查后重试" },
  BAD_REQUEST: { status: 400, message: "请求格式不正确" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "不支持的请求内容类型" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "上传内容过大" },
  NOT_FOUND: { status: 404, message: "请求的资源不存在" },
  METHOD_NOT_ALLOWED: { status: 405, message: "不支持的请求方法" },
  UNAUTHENTICATED: { status: 401, message: "请先登录" },
  FORBIDDEN: { status: 403, message: "您没有权限执行此操作" },
  CSRF_TOKEN_INVALID: { status: 403, message: "页面已过期，请刷新后重试" },
  RATE_LIMITED: { status: 429, message: "操作过于频繁，请稍后再试" },
  INTERNAL_ERROR: { status: 500, message: "系统繁忙，请稍后再试" },
  STATE_CONFLICT: { status: 409, message: "当前状态不允许此操作，请刷新后重试" },

  CATALOG_UNKNOWN_PLATFORM: { status: 400, message: "应用平台不存在" },
  CATALOG_UNKNOWN_CATEGORY: { status: 400, message: "CA 证类别不存在" },
  CATALOG_DUPLICATE_PLATFORM: { status: 400, message: "同一证书不能重复选择应用平台" },
  CATALOG_NO_PLATFORM: { status: 400, message: "请至少选择一个应用平台" },
  CATALOG_NO_ITEMS: { status: 400, message: "请至少选择一张证书" },

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

  BINDING_TICKET_INVALID: { status: 400, message: "绑定请求已失效，请重新使用 CA 登录" },
  TOKEN_ALREADY_BOUND: { status: 409, message: "该 CA 锁已绑定其他账号，一锁一人一账号" },
  MOBILE_BOUND_TO_OTHER_PERSON: { status: 409, message: "该手机号已被其他人的账号使用" },
  ID_NUMBER_BOUND_TO_OTHER_ACCOUNT: { status: 409, message: "该身份证号已绑定其他账号" },
  ENTERPRISE_HAS_ADMIN: { status: 409, message: "该企业已有管理员，身份唯一" },
  ID_NUMBER_INVALID: { status: 400, message: "身份证号码不正确" },
  USCC_INVALID: { status: 400, message: "统一社会信用代码不正确" },
  MOBILE_INVALID: { status: 400, message: "手机号码不正确" },
  SMS_CODE_INVALID: { status: 400, message: "短信验证码错误" },
  SMS_CODE_EXPIRED: { status: 400, message: "短信验证码已过期，请重新获取" },
  SMS_CODE_TOO_MANY_ATTEMPTS: { status: 429, message: "验证码错误次数过多，请重新获取" },
  SMS_RATE_LIMITED: { status: 429, message: "短信发送过于频繁，请稍后再试" },
  SMS_SEND_FAILED: { status: 502, message: "短信发送失败，请稍后再试" },
  ACCOUNT_NOT_FOUND: { status: 404, message: "该手机号尚未注册，请先使用 CA 登录绑定" },
  LOGIN_RATE_LIMITED: { status: 429, message: "登录尝试过于频繁，请稍后再试" },
  CREDENTIALS_INVALID: { status: 401, message: "用户名或密码错误" },

  CA_UNAVAILABLE: { status: 503, message: "证书签发服务暂不可用，请稍后再试" },
  REGISTRY_IMPORT_INVALID: { status: 400, message: "证书名录文件格式不正确" },
  ENTERPRISE_NOT_FOUND: { status: 404, message: "单位不存在" },
  CERTIFICATE_NOT_FOUND: { status: 404, message: "证书不存在" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}
