import { DownloadOutlined, FileTextOutlined, ReadOutlined, UsbOutlined } from "@ant-design/icons";
import type { DownloadItem, DownloadName } from "@lnca/contracts";
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { usePublicConfig } from "../api/config";
import { useDownloads } from "../api/downloads";
import { ErrorResult } from "../shared/ErrorResult";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { DownloadFacts } from "./DownloadFacts";
import { KeybridgeInstallSteps } from "./KeybridgeInstallSteps";

/** 下载中心: the keybridge (拓展程序), the 电子签章印模采集表 and the FAQ the guide refers users to. */
export function DownloadsPage() {
  useDocumentTitle("下载中心");
  const config = usePublicConfig();
  const downloads = useDownloads();
  const navigate = useNavigate();
  const byName = new Map<DownloadName, DownloadItem>((downloads.data?.items ?? []).map((item) => [item.name, item]));
  const keybridge = byName.get("keybridge");
  const sealForm = byName.get("seal-form");
  const faq = byName.get("faq");

  return (
    <div className="container page-body">
      <Typography.Title level={1} className="page-title">
        下载中心
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        办理 CA 登录与证书更新（自助年检）前，请先安装 CA 互联互通(辽宁版) 驱动（拓展程序）。下载后可用 SHA-256
        校验值核对文件是否完整（Linux：sha256sum 文件名；Windows：Get-FileHash 文件名）。
      </Typography.Paragraph>
      {downloads.isError && <ErrorResult error={downloads.error} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card
            data-testid="download-keybridge"
            title={
              <h2 className="card-heading">
                <UsbOutlined /> CA 互联互通(辽宁版) 驱动（拓展程序）
              </h2>
            }
          >
            {config.data?.demo && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="演示环境：拓展程序已随平台一同启动，无需下载安装。"
              />
            )}
            {keybridge ? <DownloadBody item={keybridge} label="下载拓展程序" /> : <Skeleton active />}
            <Typography.Title level={3} style={{ marginTop: 24, fontSize: 16 }}>
              安装步骤
            </Typography.Title>
            <KeybridgeInstallSteps />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={24} style={{ width: "100%" }}>
            <Card
              data-testid="download-faq"
              title={
                <h2 className="card-heading">
                  <FileTextOutlined /> 常见问题
                </h2>
              }
            >
              {faq ? (
                <DownloadBody item={faq} label="下载 PDF">
                  <Button icon={<ReadOutlined />} onClick={() => navigate("/downloads/faq")}>
                    在线阅读
                  </Button>
                </DownloadBody>
              ) : (
                <Skeleton active />
              )}
            </Card>
            <Card
              data-testid="download-seal-form"
              title={
                <h2 className="card-heading">
                  <FileTextOutlined /> 表格
                </h2>
              }
            >
              {sealForm ? <DownloadBody item={sealForm} label="下载表格" /> : <Skeleton active />}
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}

function DownloadBody({ item, label, children }: { item: DownloadItem; label: string; children?: ReactNode }) {
  return (
    <>
      {item.name !== "keybridge" && <Typography.Paragraph strong>{item.title}</Typography.Paragraph>}
      <Typography.Paragraph>{item.description}</Typography.Paragraph>
      {item.url ? (
        <DownloadFacts item={item} />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={item.unavailableReason} />
      )}
      <Space wrap>
        {item.url ? (
          <Button type="primary" icon={<DownloadOutlined />} href={item.url} download={item.fileName ?? true}>
            {label}
          </Button>
        ) : (
          <Button type="primary" icon={<DownloadOutlined />} disabled>
            {label}
          </Button>
        )}
        {children}
      </Space>
    </>
  );
}
