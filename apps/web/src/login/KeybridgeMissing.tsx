import { DownloadOutlined, LoadingOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { KeybridgeInstallSteps } from "../portal/KeybridgeInstallSteps";

/** Shown while the keybridge does not answer; the caller keeps polling and replaces this when it does. */
export function KeybridgeMissing() {
  const navigate = useNavigate();
  return (
    <div data-testid="keybridge-missing">
      <Alert
        type="warning"
        showIcon
        title="未检测到 CA 互联互通(辽宁版) 驱动（拓展程序）"
        description={
          <>
            <div>CA 登录需要在本机安装并运行拓展程序。请按以下步骤安装，安装并启动后本页面将自动检测，无需刷新。</div>
            <Button
              type="primary"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => navigate("/downloads")}
              style={{ marginTop: 10 }}
            >
              下载拓展程序
            </Button>
          </>
        }
      />
      <div className="keybridge-steps">
        <KeybridgeInstallSteps />
      </div>
      <Flex align="center" gap={8} className="keybridge-polling">
        <LoadingOutlined />
        <Typography.Text type="secondary">正在检测拓展程序…</Typography.Text>
      </Flex>
    </div>
  );
}
