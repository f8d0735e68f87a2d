/** 下载中心. */
export const downloadErrors = {
  DOWNLOAD_NOT_READY: { status: 404, message: "拓展程序安装包尚未发布，请稍后再试或联系办理点" },
} as const;
