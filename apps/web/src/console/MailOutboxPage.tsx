import { PaperClipOutlined } from "@ant-design/icons";
import type { MailOutboxItem } from "@lnca/contracts";
import { Badge, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useMailOutbox } from "../api/console";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatClock, formatDateTime } from "../time";

const STATUS = {
  pending: { label: "待发送", color: "processing" },
  sent: { label: "已发送", color: "success" },
  failed: { label: "发送失败", color: "error" },
} as const;

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** 邮件发件箱: every e-mail the platform sent (invoices); with the outbox mailer, the only place to read them. */
export function MailOutboxPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const outbox = useMailOutbox(page, pageSize);

  return (
    <>
      <PageHeader
        title="邮件发件箱"
        description="平台发出的全部邮件（如开具的发票），每 5 秒自动刷新。"
        extra={
          <Badge
            status={outbox.isError ? "error" : "processing"}
            text={
              outbox.isError
                ? "刷新失败"
                : outbox.data
                  ? `自动刷新中 · ${formatClock(outbox.dataUpdatedAt)}`
                  : "自动刷新中"
            }
          />
        }
      />
      <Card>
        {outbox.isError && !outbox.data ? (
          <ErrorResult error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <Table<MailOutboxItem>
            data-testid="mail-outbox-table"
            rowKey="id"
            size="middle"
            loading={outbox.isPending}
            dataSource={outbox.data?.items}
            locale={{ emptyText: "暂无邮件" }}
            expandable={{
              expandedRowRender: (item) => (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{item.body}</Typography.Paragraph>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: outbox.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
            columns={[
              {
                title: "时间",
                dataIndex: "createdAt",
                width: 180,
                render: (at: string) => formatDateTime(at),
              },
              { title: "收件人", dataIndex: "to", width: 220 },
              { title: "主题", dataIndex: "subject" },
              {
                title: "附件",
                dataIndex: "attachments",
                width: 260,
                render: (attachments: MailOutboxItem["attachments"]) =>
                  attachments.length === 0 ? (
                    <Typography.Text type="secondary">无</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      {attachments.map((a) => (
                        <span key={a.fileId}>
                          <PaperClipOutlined /> {a.name ?? a.fileId}（{kilobytes(a.sizeBytes)}）
                        </span>
                      ))}
                    </Space>
                  ),
              },
              {
                title: "状态",
                dataIndex: "status",
                width: 110,
                render: (status: MailOutboxItem["status"], item) => (
                  <Tag color={STATUS[status].color} title={item.error ?? item.provider}>
                    {STATUS[status].label}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
