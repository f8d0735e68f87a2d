import { DownloadOutlined, FileTextOutlined, UsbOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Row, Typography } from "antd";
import { usePublicConfig } from "../api/config";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { KeybridgeInstallSteps } from "./KeybridgeInstallSteps";

/** 下载中心: the keybridge (拓展程序) and the FAQ the guide refers users to. */
export function DownloadsPage() {
  useDocumentTitle("下载中心");
  const config = usePublicConfig();

  return (
    <div className="container page-body">
      <Typography.Title level={1} className="page-title">
        下载中心
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        办理 CA 登录与证书更新（自助年检）前，请先安装 CA 互联互通(辽宁版) 驱动（拓展程序）。
      </Typography.Paragraph>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card
            data-testid="download-keybridge"
            title={
              <span>
                <UsbOutlined /> CA 互联互通(辽宁版) 驱动（拓展程序）
              </span>
            }
          >
            <Typography.Paragraph>
              拓展程序运行在您的电脑上，负责读取 CA 锁中的数字证书、完成登录签名和证书更新。支持谷歌浏览器与火狐浏览器。
            </Typography.Paragraph>
            {config.data?.demo && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="演示环境：拓展程序已随平台一同启动，无需下载安装。"
              />
            )}
            <Button type="primary" icon={<DownloadOutlined />} disabled>
              下载拓展程序
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              安装包将在后续版本于此发布
            </Typography.Text>
            <Typography.Title level={2} style={{ marginTop: 24, fontSize: 16 }}>
              安装步骤
            </Typography.Title>
            <KeybridgeInstallSteps />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <span>
                <FileTextOutlined /> 常见问题
              </span>
            }
          >
            <Typography.Paragraph strong>《网联新平台上线常见问题及注意事项》</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              您在 CA 数字证书续费过程中如遇相关问题，可查阅本文档。文档内容将在后续版本发布。
            </Typography.Paragraph>
            <Button icon={<DownloadOutlined />} disabled>
              下载文档
            </Button>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
