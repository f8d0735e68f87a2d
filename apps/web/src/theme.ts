import type { ThemeConfig } from "antd";

/** Government-service blue, and a font stack that renders Chinese well on Windows, macOS and Linux. */
export const PRIMARY_BLUE = "#1c5fb0";
export const FONT_FAMILY = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Helvetica Neue",Arial,sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_BLUE,
    colorInfo: PRIMARY_BLUE,
    colorLink: PRIMARY_BLUE,
    fontFamily: FONT_FAMILY,
    borderRadius: 4,
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", bodyBg: "#f3f6fa" },
  },
};
