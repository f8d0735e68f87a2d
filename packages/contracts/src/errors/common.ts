/** Answers any route can give: validation, authentication, permission, limits, state. */
export const commonErrors = {
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
} as const;
