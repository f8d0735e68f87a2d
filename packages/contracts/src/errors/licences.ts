/** Business-licence (营业执照) recognition. */
export const licenceErrors = {
  LICENCE_IMAGE_TYPE_NOT_ALLOWED: { status: 415, message: "营业执照图片格式不符合要求，仅支持 JPG、PNG" },
  LICENCE_IMAGE_TOO_LARGE: { status: 413, message: "营业执照图片不能超过 10 MB" },
  LICENCE_RECOGNITION_RATE_LIMITED: { status: 429, message: "识别营业执照过于频繁，请稍后再试" },
  LICENCE_RECOGNITION_UNAVAILABLE: {
    status: 503,
    message: "营业执照暂时无法识别，请核对填写的信息后继续",
  },
} as const;
