import { INTEROP_ROTATION_OVERLAP_HOURS, type InteropPlatform } from "@lnca/contracts";
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { useInteropPlatforms, useIssueCredential, useSetWebhookUrl } from "../api/interop";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatDateTime } from "../time";

interface Shown {
  title: string;
  value: string;
  previousValidUntil: string | null;
}

/**
 * 平台互通: each trading platform's API key (for /api/v1/interop/verify) and its webhook URL and signing secret.
 * A key or secret is shown once, when generated; a rotation keeps the previous one working for the overlap.
 */
export function InteropPlatformsPage() {
  const platforms = useInteropPlatforms();
  const issue = useIssueCredential();
  const [shown, setShown] = useState<Shown | null>(null);
  const [editing, setEditing] = useState<InteropPlatform | null>(null);
  const { message, modal } = App.useApp();

  const generate = (platform: InteropPlatform, kind: "key" | "webhook-secret") => {
    const what = kind === "key" ? "平台密钥" : "签名密钥";
    const rotating = kind === "key" ? platform.keyHint !== null : platform.webhookSecretIssuedAt !== null;
    const run = () =>
      issue.mutate(
        { platformId: platform.id, kind },
        {
          onSuccess: (issued) =>
            setShown({
              title: `${platform.name} · ${what}`,
              value: "apiKey" in issued ? issued.apiKey : issued.secret,
              previousValidUntil: "apiKey" in issued ? issued.previousKeyValidUntil : issued.previousSecretValidUntil,
            }),
          onError: (error) => void message.error(errorMessage(error)),
        },
      );
    if (!rotating) return run();
    modal.confirm({
      title: `轮换${platform.name}的${what}？`,
      content: `新${what}立即生效；原${what}在 ${INTEROP_ROTATION_OVERLAP_HOURS} 小时内仍然有效，请通知平台在此期间换用新${what}。`,
      okText: "轮换",
      cancelText: "取消",
      onOk: run,
    });
  };

  return (
    <>
      <PageHeader
        title="平台互通"
        description="交易平台以平台密钥调用证书验证接口（POST /api/v1/interop/verify）；证书更新后，平台通过推送地址收到以签名密钥签名的通知（Standard Webhooks）。"
      />
      <Card>
        {platforms.isError ? (
          <ErrorResult error={platforms.error} onRetry={() => void platforms.refetch()} />
        ) : (
          <Table<InteropPlatform>
            data-testid="interop-platforms-table"
            rowKey="id"
            size="middle"
            loading={platforms.isPending}
            dataSource={platforms.data}
            pagination={{ defaultPageSize: 20, showTotal: (total) => `共 ${total} 个平台` }}
            locale={{ emptyText: "暂无应用平台" }}
            columns={[
              {
                title: "平台",
                dataIndex: "name",
                render: (name: string, p) => (
                  <Space orientation="vertical" size={0}>
                    <span>{name}</span>
                    <Typography.Text type="secondary">{p.code}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: "平台密钥",
                key: "key",
                render: (_, p) =>
                  p.keyHint ? (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text code>{p.keyHint}…</Typography.Text>
                      <Typography.Text type="secondary">生成于 {formatDateTime(p.keyIssuedAt ?? "")}</Typography.Text>
                      {p.previousKeyValidUntil && (
                        <Tag color="gold">原密钥有效至 {formatDateTime(p.previousKeyValidUntil)}</Tag>
                      )}
                    </Space>
                  ) : (
                    <Tag>未生成</Tag>
                  ),
              },
              {
                title: "推送地址",
                dataIndex: "webhookUrl",
                render: (url: string | null) =>
                  url ? <Typography.Text copyable>{url}</Typography.Text> : <Tag>未设置</Tag>,
              },
              {
                title: "签名密钥",
                key: "secret",
                render: (_, p) =>
                  p.webhookSecretIssuedAt ? (
                    <Space orientation="vertical" size={0}>
                      <span>生成于 {formatDateTime(p.webhookSecretIssuedAt)}</span>
                      {p.previousWebhookSecretValidUntil && (
                        <Tag color="gold">原密钥有效至 {formatDateTime(p.previousWebhookSecretValidUntil)}</Tag>
                      )}
                    </Space>
                  ) : (
                    <Tag>未生成</Tag>
                  ),
              },
              {
                title: "操作",
                key: "actions",
                width: 300,
                render: (_, p) => (
                  <Space wrap>
                    <Button size="small" onClick={() => generate(p, "key")} loading={issue.isPending}>
                      {p.keyHint ? "轮换平台密钥" : "生成平台密钥"}
                    </Button>
                    <Button size="small" onClick={() => setEditing(p)}>
                      设置推送地址
                    </Button>
                    <Button size="small" onClick={() => generate(p, "webhook-secret")} loading={issue.isPending}>
                      {p.webhookSecretIssuedAt ? "轮换签名密钥" : "生成签名密钥"}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={shown !== null}
        title={shown?.title}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            我已妥善保存
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title="仅显示这一次"
          description="平台只保存其摘要或密文，关闭后无法再次查看。请通过安全渠道交给交易平台。"
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph copyable code data-testid="interop-secret">
          {shown?.value}
        </Typography.Paragraph>
        {shown?.previousValidUntil && (
          <Typography.Paragraph type="secondary">
            原密钥有效至 {formatDateTime(shown.previousValidUntil)}。
          </Typography.Paragraph>
        )}
      </Modal>
      <WebhookUrlModal platform={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function WebhookUrlModal({ platform, onClose }: { platform: InteropPlatform | null; onClose: () => void }) {
  const setUrl = useSetWebhookUrl();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ url: string }>();
  const save = ({ url }: { url: string }) =>
    platform &&
    setUrl.mutate(
      { platformId: platform.id, url: url.trim() || null },
      {
        onSuccess: () => {
          void message.success("推送地址已保存");
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Modal
      open={platform !== null}
      title={`${platform?.name ?? ""} · 推送地址`}
      okText="保存"
      cancelText="取消"
      confirmLoading={setUrl.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ url: platform?.webhookUrl ?? "" }}
        preserve={false}
      >
        <Form.Item
          name="url"
          label="推送地址（留空表示不推送）"
          rules={[{ pattern: /^https?:\/\/\S+$/, message: "推送地址必须是 http:// 或 https:// 地址" }]}
        >
          <Input placeholder="https://平台域名/webhooks/lnca" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
