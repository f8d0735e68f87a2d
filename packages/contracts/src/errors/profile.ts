/** Personal information (个人信息) and the files people upload. */
export const profileErrors = {
  NAME_INVALID: { status: 400, message: "姓名应为 2 至 30 个字的中文或英文" },
  EMAIL_INVALID: { status: 400, message: "电子邮箱格式不正确" },
  MOBILE_UNCHANGED: { status: 400, message: "新手机号与当前绑定的手机号相同" },
  FILE_REQUIRED: { status: 400, message: "请选择要上传的文件" },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: "文件格式不符合要求，仅支持 JPG、PNG、PDF" },
  FILE_TOO_LARGE: { status: 413, message: "文件不能超过 5 MB" },
  ID_SCAN_NOT_FOUND: { status: 404, message: "尚未上传该身份证扫描件" },
  USER_NOT_FOUND: { status: 404, message: "用户不存在" },
} as const;
