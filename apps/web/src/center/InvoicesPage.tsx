import { DownloadOutlined } from "@ant-design/icons";
import {
  formatYuan,
  INVOICE_KIND_NAMES,
  INVOICE_STATUS_NAMES,
  INVOICE_TITLE_TYPE_NAMES,
  type InvoiceRequestView,
  type InvoiceStatus,
} from "@lnca/contracts";
import { Button, Card, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { invoiceFileUrl, useInvoiceRequests } from "../api/invoices";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatDateTime } from "../time";
import { useCurrentUser } from "./useCurrentUser";

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, string> = {
  requested: "processing",
  issued: "success",
  cancelled: "default",
};

type Filter = InvoiceStatus | "all";
const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "全部" },
  { value: "requested", label: INVOICE_STATUS_NAMES.requested },
  { value: "issued", label: INVOICE_STATUS_NAMES.issued },
  { value: "cancelled", label: INVOICE_STATUS_NAMES.cancelled },
];

/**
 * 【发票管理】: the invoices asked for when paying (the administrator sees the enterprise's, others those of their
 * own orders), each with its state; an issued one can be downloaded here as well as from the e-mail.
 */
export function InvoicesPage() {
  const { identity } = useCurrentUser();
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const requests = useInvoiceRequests({ status: filter === "all" ? undefined : filter, page, pageSize });

  return (
    <>
      <PageHeader
        title="发票管理"
        description={
          identity?.role === "admin"
            ? "本单位全部订单的发票申请及开具进度。发票开具后将发送至申请时填写的接收邮箱，也可在此下载。"
            : "您本人订单的发票申请及开具进度。发票开具后将发送至申请时填写的接收邮箱，也可在此下载。"
        }
      />
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Segmented<Filter>
            options={FILTERS}
            value={filter}
            onChange={(value) => {
              setFilter(value);
              setPage(1);
            }}
          />
          {requests.isError && !requests.data ? (
            <ErrorResult error={requests.error} onRetry={() => void requests.refetch()} />
          ) : (
            <Table<InvoiceRequestView>
              data-testid="invoice-requests-table"
              rowKey="id"
              loading={requests.isPending}
              dataSource={requests.data?.items}
              locale={{ emptyText: "暂无发票申请。在支付订单时选择「开具发票」即可申请。" }}
              scroll={{ x: 960 }}
              pagination={{
                current: page,
                pageSize,
                total: requests.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50],
                showTotal: (total) => `共 ${total} 条`,
                onChange: (nextPage, nextSize) => {
                  setPage(nextSize === pageSize ? nextPage : 1);
                  setPageSize(nextSize);
                },
              }}
              columns={[
                {
                  title: "申请时间",
                  dataIndex: "requestedAt",
                  width: 170,
                  render: (at: string) => formatDateTime(at),
                },
                { title: "订单号", dataIndex: "orderNo", width: 190 },
                {
                  title: "金额",
                  dataIndex: "amountFen",
                  width: 100,
                  align: "right",
                  render: (fen: number) => `${formatYuan(fen)} 元`,
                },
                {
                  title: "发票类型",
                  dataIndex: "kind",
                  width: 100,
                  render: (kind: InvoiceRequestView["kind"]) => INVOICE_KIND_NAMES[kind],
                },
                {
                  title: "发票抬头",
                  dataIndex: "title",
                  render: (title: string, item) => (
                    <Space orientation="vertical" size={0}>
                      <span>{title}</span>
                      <Typography.Text type="secondary">
                        {INVOICE_TITLE_TYPE_NAMES[item.titleType]}
                        {item.taxpayerNumber ? ` · ${item.taxpayerNumber}` : ""}
                      </Typography.Text>
                    </Space>
                  ),
                },
                { title: "接收邮箱", dataIndex: "email", width: 200 },
                {
                  title: "状态",
                  dataIndex: "status",
                  width: 150,
                  render: (status: InvoiceStatus, item) => (
                    <Space orientation="vertical" size={0}>
                      <Tag color={INVOICE_STATUS_COLORS[status]}>{INVOICE_STATUS_NAMES[status]}</Tag>
                      {item.issuedAt && (
                        <Typography.Text type="secondary">{formatDateTime(item.issuedAt)}</Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: "操作",
                  key: "actions",
                  width: 120,
                  fixed: "right",
                  render: (_, item) =>
                    item.status === "issued" ? (
                      <Button type="link" icon={<DownloadOutlined />} href={invoiceFileUrl(item.id)} download>
                        下载发票
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Space>
      </Card>
    </>
  );
}
