/** Binding a key, SMS codes, mobile and console login, identifiers people type. */
export const accountErrors = {
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
} as const;
