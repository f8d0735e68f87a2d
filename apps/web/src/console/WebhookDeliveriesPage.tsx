import type { WebhookDelivery, WebhookDeliveryAttempt } from "@lnca/contracts";
import { App, Badge, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { useRedeliver, useWebhookDeliveries } from "../api/interop";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatClock, formatDateTime } from "../time";

type Status = WebhookDelivery["status"];

const STATUS: Record<Status, { label: string; color: string }> = {
  pending: { label: "待投递", color: "processing" },
  failed: { label: "失败，自动重试中", color: "warning" },
  delivered: { label: "已送达", color: "success" },
  abandoned: { label: "已放弃", color: "error" },
};

const EVENTS: Record<WebhookDelivery["eventType"], string> = {
  "certificate.renewed": "证书已更新",
  "certificate.disassociated": "证书已取消关联",
};

/** 投递记录: every webhook sent to the trading platforms, each attempt with its answer; 【重新投递】 sends one again. */
export function WebhookDeliveriesPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [status, setStatus] = useState<Status | undefined>();
  const deliveries = useWebhookDeliveries(page, pageSize, status);
  const redeliver = useRedeliver();
  const { message } = App.useApp();

  const resend = (delivery: WebhookDelivery) =>
    redeliver.mutate(delivery.id, {
      onSuccess: () => void message.success(`已重新投递到${delivery.platformName}`),
      onError: (error) => void message.error(errorMessage(error)),
    });

  return (
    <>
      <PageHeader
        title="投递记录"
        description="证书更新后发给各交易平台的通知。平台应答 2xx 即为送达，否则按 5 秒起倍增（最长 1 小时）的间隔自动重试，约 20 小时后放弃。每 5 秒自动刷新。"
        extra={
          <Badge
            status={deliveries.isError ? "error" : "processing"}
            text={
              deliveries.isError ? "刷新失败" : `自动刷新中 · ${formatClock(deliveries.dataUpdatedAt || Date.now())}`
            }
          />
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select<Status | "all">
            aria-label="投递状态"
            style={{ width: 180 }}
            value={status ?? "all"}
            options={[
              { value: "all", label: "全部状态" },
              ...(Object.keys(STATUS) as Status[]).map((value) => ({ value, label: STATUS[value].label })),
            ]}
            onChange={(next) => {
              setStatus(next === "all" ? undefined : next);
              setPage(1);
            }}
          />
        </Space>
        {deliveries.isError && !deliveries.data ? (
          <ErrorResult error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : (
          <Table<WebhookDelivery>
            data-testid="webhook-deliveries-table"
            rowKey="id"
            size="middle"
            loading={deliveries.isPending}
            dataSource={deliveries.data?.items}
            locale={{ emptyText: "暂无投递记录" }}
            expandable={{ expandedRowRender: (delivery) => <DeliveryDetail delivery={delivery} /> }}
            pagination={{
              current: page,
              pageSize,
              total: deliveries.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
            columns={[
              { title: "时间", dataIndex: "createdAt", width: 180, render: (at: string) => formatDateTime(at) },
              { title: "平台", dataIndex: "platformName" },
              {
                title: "事件",
                dataIndex: "eventType",
                render: (type: WebhookDelivery["eventType"]) => <span title={type}>{EVENTS[type]}</span>,
              },
              {
                title: "状态",
                dataIndex: "status",
                width: 150,
                render: (s: Status) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
              },
              {
                title: "尝试",
                key: "attempts",
                width: 200,
                render: (_, d) => {
                  const last = d.attempts.at(-1);
                  if (!last) return "—";
                  return `${d.attempts.length} 次 · 最近：${last.statusCode ?? "无应答"}`;
                },
              },
              {
                title: "操作",
                key: "actions",
                width: 120,
                render: (_, d) =>
                  d.status === "delivered" || d.status === "abandoned" ? (
                    <Popconfirm
                      title={`重新投递到${d.platformName}？`}
                      description="以相同的 webhook-id 再次发送，平台可据此识别重复。"
                      okText="重新投递"
                      cancelText="取消"
                      onConfirm={() => resend(d)}
                    >
                      <Button size="small" loading={redeliver.isPending && redeliver.variables === d.id}>
                        重新投递
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function DeliveryDetail({ delivery }: { delivery: WebhookDelivery }) {
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        webhook-id：
        <Typography.Text code copyable>
          {delivery.id}
        </Typography.Text>
        {delivery.deliveredAt && `，送达于 ${formatDateTime(delivery.deliveredAt)}`}
      </Typography.Text>
      <Table<WebhookDeliveryAttempt>
        size="small"
        rowKey="attempt"
        pagination={false}
        dataSource={delivery.attempts}
        locale={{ emptyText: "尚未尝试" }}
        columns={[
          { title: "第几次", dataIndex: "attempt", width: 80 },
          { title: "时间", dataIndex: "attemptedAt", width: 180, render: (at: string) => formatDateTime(at) },
          { title: "状态码", dataIndex: "statusCode", width: 90, render: (code: number | null) => code ?? "—" },
          { title: "耗时", dataIndex: "durationMs", width: 90, render: (ms: number) => `${ms} ms` },
          { title: "错误", dataIndex: "error", render: (error: string | null) => error ?? "—" },
        ]}
      />
      <Typography.Paragraph>
        <Typography.Text strong>推送内容</Typography.Text>
        <pre className="webhook-payload">{JSON.stringify(JSON.parse(delivery.payload), null, 2)}</pre>
      </Typography.Paragraph>
    </Space>
  );
}
