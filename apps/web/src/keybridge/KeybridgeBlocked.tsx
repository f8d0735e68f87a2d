import { LoadingOutlined } from "@ant-design/icons";
import { Alert, Flex, Typography } from "antd";

/**
 * The browser, not the bridge, is the reason (Local Network Access, Chrome 142+ / Edge 143+): the permission
 * for this site to reach the user's own computer was denied. The page keeps probing: once the user allows it
 * in the site settings, the bridge is found without a reload.
 */
export function KeybridgeBlocked() {
  return (
    <div data-testid="keybridge-permission-denied">
      <Alert
        type="error"
        showIcon
        title="浏览器已阻止本网站访问本机的拓展程序"
        description={
          <ol className="lna-steps">
            <li>点击地址栏左侧的「查看网站信息」图标，打开「网站设置」。</li>
            <li>将「本地网络访问」（新版浏览器中为「环回网络」/「本机上的应用」）改为「允许」。</li>
            <li>返回本页面，无需刷新，页面将自动重新检测拓展程序。</li>
          </ol>
        }
      />
      <Flex align="center" gap={8} className="keybridge-polling">
        <LoadingOutlined />
        <Typography.Text type="secondary">正在检测拓展程序…</Typography.Text>
      </Flex>
    </div>
  );
}
