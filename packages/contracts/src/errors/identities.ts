/** Identities (【切换身份】): applying for a role in an enterprise, the administrator's and operator's decisions. */
export const identityErrors = {
  IDENTITY_NOT_FOUND: { status: 404, message: "身份不存在" },
  IDENTITY_ALREADY_HELD: { status: 409, message: "您已持有或已申请该身份，请勿重复申请" },
  IDENTITY_ENTERPRISE_UNKNOWN: {
    status: 404,
    message: "该企业尚未在平台登记，请先由企业管理员申请管理员身份",
  },
  IDENTITY_ENTERPRISE_NAME_MISMATCH: { status: 400, message: "企业名称与统一社会信用代码不符，请核对后重试" },
  IDENTITY_NOT_ACTIVE: { status: 409, message: "该身份尚未审核通过，暂不能切换" },
  IDENTITY_ADMIN_NOT_REMOVABLE: { status: 409, message: "管理员身份不能在人员管理中移除" },
} as const;
