import { FilePdfOutlined, UploadOutlined } from "@ant-design/icons";
import {
  type ConsoleInvoiceRequest,
  formatYuan,
  INVOICE_KIND_NAMES,
  INVOICE_STATUS_NAMES,
  INVOICE_TITLE_TYPE_NAMES,
  type InvoiceKind,
  type InvoiceStatus,
} from "@lnca/contracts";
import { App, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { usePublicConfig } from "../api/config";
import { type ConsoleInvoiceParams, useConsoleInvoiceRequests, useIssueInvoice } from "../api/invoices";
import { INVOICE_STATUS_COLORS } from "../center/InvoicesPage";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatDateTime } from "../time";
import { useStaffCan } from "./StaffOnly";

const STATUS_OPTIONS = (["requested", "issued", "cancelled"] as const).map((value) => ({
  value,
  label: INVOICE_STATUS_NAMES[value],
}));
const KIND_OPTIONS = (["e_normal", "paper_special"] as const).map((value) => ({
  value,
  label: INVOICE_KIND_NAMES[value],
}));

/**
 * 发票管理 (console): the invoice requests of paid orders, waiting ones first by default. 【标记已开具】 takes the
 * invoice PDF, which is stored and e-mailed to the receiving address; in the demo 【生成演示发票】 makes one.
 */
export function ConsoleInvoicesPage() {
  const [params, setParams] = useState<ConsoleInvoiceParams>({
    status: "requested",
    search: "",
    page: 1,
    pageSize: 20,
  });
  const requests = useConsoleInvoiceRequests(params);
  const update = (next: Partial<ConsoleInvoiceParams>) => setParams((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader title="发票管理" description="用户在支付时申请的电子普票与纸质专票（仅已支付的订单）。" />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<InvoiceStatus>
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            options={STATUS_OPTIONS}
            value={params.status}
            onChange={(status) => update({ status })}
          />
          <Select<InvoiceKind>
            aria-label="发票类型"
            allowClear
            placeholder="全部发票类型"
            style={{ width: 160 }}
            options={KIND_OPTIONS}
            value={params.kind}
            onChange={(kind) => update({ kind })}
          />
          <Input.Search
            aria-label="搜索"
            allowClear
            placeholder="订单号、发票抬头或单位名称"
            style={{ width: 300 }}
            onSearch={(search) => update({ search: search.trim() })}
          />
        </Space>
        {requests.isError && !requests.data ? (
          <ErrorResult error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <Table<ConsoleInvoiceRequest>
            data-testid="console-invoices-table"
            rowKey="id"
            loading={requests.isPending}
            dataSource={requests.data?.items}
            locale={{ emptyText: "暂无发票申请" }}
            // Scrolls sideways only with rows: an empty scroll region has nothing a keyboard could reach (axe).
            scroll={requests.data?.items.length ? { x: 1100 } : undefined}
            expandable={{ expandedRowRender: (item) => <TitleDetails item={item} /> }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: requests.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) =>
                setParams((current) => ({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize })),
            }}
            columns={[
              { title: "订单号", dataIndex: "orderNo", width: 190 },
              { title: "单位", dataIndex: "enterpriseName", render: (name: string | null) => name ?? "个人" },
              {
                title: "金额",
                dataIndex: "amountFen",
                width: 100,
                align: "right",
                render: (fen: number) => `${formatYuan(fen)} 元`,
              },
              {
                title: "支付时间",
                dataIndex: "paidAt",
                width: 170,
                render: (at: string | null) => (at ? formatDateTime(at) : "—"),
              },
              {
                title: "发票类型",
                dataIndex: "kind",
                width: 100,
                render: (kind: InvoiceKind) => INVOICE_KIND_NAMES[kind],
              },
              { title: "发票抬头", dataIndex: "title" },
              { title: "接收邮箱", dataIndex: "email", width: 200 },
              {
                title: "状态",
                dataIndex: "status",
                width: 90,
                render: (status: InvoiceStatus) => (
                  <Tag color={INVOICE_STATUS_COLORS[status]}>{INVOICE_STATUS_NAMES[status]}</Tag>
                ),
              },
              {
                title: "操作",
                key: "actions",
                width: 220,
                fixed: "right",
                render: (_, item) => (item.status === "requested" ? <IssueActions item={item} /> : null),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function TitleDetails({ item }: { item: ConsoleInvoiceRequest }) {
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="抬头类型">{INVOICE_TITLE_TYPE_NAMES[item.titleType]}</Descriptions.Item>
      <Descriptions.Item label="发票抬头">{item.title}</Descriptions.Item>
      <Descriptions.Item label="纳税人识别号">{item.taxpayerNumber ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="地址">{item.address ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="电话">{item.phone ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="开户行">{item.bank ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="开户行账号">{item.bankAccount ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="申请时间">{formatDateTime(item.requestedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** 【标记已开具】 (upload the PDF) and, in the demo, 【生成演示发票】. */
function IssueActions({ item }: { item: ConsoleInvoiceRequest }) {
  const { message } = App.useApp();
  const demo = usePublicConfig().data?.demo ?? false;
  const can = useStaffCan();
  const issue = useIssueInvoice();
  if (!can("console.invoice.issue")) return null;
  const done = {
    onSuccess: () => message.success(`订单 ${item.orderNo} 的发票已开具，已发送至 ${item.email ?? "接收邮箱"}`),
    onError: (error: unknown) => message.error(errorMessage(error)),
  };
  const pending = issue.isPending && issue.variables?.requestId === item.id;
  return (
    <Space size={4} wrap>
      <Upload
        accept="application/pdf,.pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          issue.mutate({ requestId: item.id, kind: "upload", file }, done);
          return false;
        }}
      >
        <Button size="small" type="primary" icon={<UploadOutlined />} loading={pending}>
          标记已开具
        </Button>
      </Upload>
      {demo && (
        <Popconfirm
          title="生成演示发票"
          description="按订单明细生成一张演示发票（PDF），标记为已开具并发送至接收邮箱。"
          okText="生成"
          cancelText="取消"
          onConfirm={() => issue.mutateAsync({ requestId: item.id, kind: "demo" }, done).catch(() => undefined)}
        >
          <Button size="small" icon={<FilePdfOutlined />} disabled={pending}>
            生成演示发票
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
