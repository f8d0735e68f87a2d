import type { SmsOutboxItem } from "@lnca/contracts";
import { Badge, Card, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSmsOutbox } from "../api/console";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatClock, formatDateTime } from "../time";

const STATUS = {
  pending: { label: "待发送", color: "processing" },
  sent: { label: "已发送", color: "success" },
  failed: { label: "发送失败", color: "error" },
} as const;

/** 短信发件箱: every SMS the platform sent; in demo mode the only place the codes can be read. */
export function SmsOutboxPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const outbox = useSmsOutbox(page, pageSize);

  return (
    <>
      <PageHeader
        title="短信发件箱"
        description="平台发出的全部短信（验证码、审核结果通知等），每 5 秒自动刷新。"
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
          <Table<SmsOutboxItem>
            data-testid="sms-outbox-table"
            rowKey="id"
            size="middle"
            loading={outbox.isPending}
            dataSource={outbox.data?.items}
            locale={{ emptyText: "暂无短信" }}
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
              { title: "手机号", dataIndex: "mobile", width: 140 },
              { title: "模板", dataIndex: "template", width: 160 },
              {
                title: "内容",
                dataIndex: "content",
                render: (content: string) => <Typography.Text copyable>{content}</Typography.Text>,
              },
              {
                title: "状态",
                dataIndex: "status",
                width: 110,
                render: (status: SmsOutboxItem["status"], item) => (
                  <Tag color={STATUS[status].color} title={item.provider}>
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
