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
    // Text reads at WCAG AA (4.5:1) on white and on the page background; antd's defaults for secondary
    // text, labels, error and success text are 2.3–3.4:1.
    colorTextTertiary: "#666666",
    // A select's placeholder is text in the page (axe checks it, 1.8:1 by default): the lightest AA grey.
    colorTextPlaceholder: "#767676",
    colorError: "#cf1322",
    colorSuccessText: "#237804",
    colorWarningText: "#874d00",
    // White on a hovered primary button (the pointer rests there after a click): antd's derived shade is 4.45:1.
    colorPrimaryHover: "#3473b8",
    // And a hovered link (下载发票 after the click, on a hovered row): antd's derived shade is 3:1.
    colorLinkHover: "#3473b8",
    // The same for a hovered danger link (移除 in 人员管理): antd's derived shade is 4.34:1 on a hovered row.
    colorErrorHover: "#a8071a",
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", bodyBg: "#f3f6fa" },
    // A tag's text is its status colour (or the preset's 7th shade) on the same hue's lightest tint.
    Tag: { colorSuccess: "#237804", colorWarning: "#874d00", gold7: "#874d00" },
    // The empty-table text is information, not a disabled control: antd draws it in the disabled grey.
    Table: { colorTextDisabled: "#666666" },
  },
};
