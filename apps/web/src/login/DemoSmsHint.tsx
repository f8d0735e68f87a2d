import { Typography } from "antd";
import { usePublicConfig } from "../api/config";

/** Demo deployments send no real SMS; tell testers where the codes go. */
export function DemoSmsHint() {
  const config = usePublicConfig();
  if (!config.data?.demo) return null;
  return (
    <Typography.Paragraph type="secondary" className="demo-hint">
      演示环境不发送真实短信，验证码可在运营后台「短信发件箱」中查看。
    </Typography.Paragraph>
  );
}
