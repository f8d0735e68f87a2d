/** Enterprises (单位) and their information. */
export const enterpriseErrors = {
  ENTERPRISE_NOT_FOUND: { status: 404, message: "单位不存在" },
} as const;
