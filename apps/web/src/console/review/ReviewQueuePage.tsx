import type { ReviewQueueItem } from "@lnca/contracts";
import { App, Button, Card, Input, Space, Table, type TableColumnsType, Tabs } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useStaffSession } from "../../api/console";
import { type ReviewQueueStatus, useReviewAction, useReviewQueue } from "../../api/review";
import { ErrorResult } from "../../shared/ErrorResult";
import { PageHeader } from "../../shared/PageHeader";
import { formatDateTime } from "../../time";
import { RevisionNumber, WaitingDays } from "./reviewTags";

const TABS: { key: ReviewQueueStatus; label: string; empty: string }[] = [
  { key: "pending_review", label: "待审核", empty: "暂无待审核的企业信息" },
  { key: "approved", label: "审核通过", empty: "暂无审核通过的企业信息" },
  { key: "rejected", label: "审核不通过", empty: "暂无审核不通过的企业信息" },
];
const PAGE_SIZES = [10, 20, 50];

function readStatus(value: string | null): ReviewQueueStatus {
  return TABS.find((tab) => tab.key === value)?.key ?? "pending_review";
}

/**
 * 审核队列: submitted enterprise information in order of submission, aged in working days against the
 * one-working-day target. The tab, search and page live in the address, so 返回 from a revision lands where it left.
 */
export function ReviewQueuePage() {
  const [params, setParams] = useSearchParams();
  const status = readStatus(params.get("status"));
  const search = params.get("search") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get("pageSize"))) ? Number(params.get("pageSize")) : 20;
  const update = (next: Partial<{ status: string; search: string; page: number; pageSize: number }>) => {
    const merged = { status, search, page, pageSize, ...next };
    const query = new URLSearchParams({
      status: merged.status,
      page: String(merged.page),
      pageSize: String(merged.pageSize),
    });
    if (merged.search) query.set("search", merged.search);
    setParams(query, { replace: true });
  };

  const queue = useReviewQueue({ status, search, page, pageSize });
  const table = (
    <ReviewQueueTable
      status={status}
      queue={queue}
      empty={TABS.find((tab) => tab.key === status)?.empty ?? ""}
      pagination={{
        page,
        pageSize,
        onChange: (p, size) => update({ page: size === pageSize ? p : 1, pageSize: size }),
      }}
    />
  );

  return (
    <>
      <PageHeader
        title="审核队列"
        description="企业提交的企业信息按提交时间排列；目标审核时间为一个工作日，超过即标记为超时。领取后方可审核，审核结果以短信告知申请人。"
      />
      <Card>
        <Input.Search
          key={search}
          defaultValue={search}
          allowClear
          aria-label="搜索单位名称或统一社会信用代码"
          placeholder="单位名称 / 统一社会信用代码"
          enterButton="搜索"
          maxLength={100}
          style={{ width: 360, maxWidth: "100%" }}
          onSearch={(value) => update({ search: value.trim(), page: 1 })}
        />
        <Tabs
          activeKey={status}
          onChange={(key) => update({ status: key, page: 1 })}
          items={TABS.map((tab) => ({ key: tab.key, label: tab.label, children: tab.key === status ? table : null }))}
        />
      </Card>
    </>
  );
}

interface QueueTableProps {
  status: ReviewQueueStatus;
  queue: ReturnType<typeof useReviewQueue>;
  empty: string;
  pagination: { page: number; pageSize: number; onChange: (page: number, pageSize: number) => void };
}

function ReviewQueueTable({ status, queue, empty, pagination }: QueueTableProps) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useStaffSession().data;
  const action = useReviewAction();

  const claim = (revisionId: string) =>
    action.mutate(
      { revisionId, kind: "claim" },
      {
        onSuccess: () => {
          message.success("已领取，请审核");
          navigate(`/console/review/${revisionId}`);
        },
        onError: (e) => message.error(e.message),
      },
    );

  const pending = status === "pending_review";
  const columns: TableColumnsType<ReviewQueueItem> = [
    { title: "单位名称", dataIndex: "enterpriseName", width: 240 },
    { title: "统一社会信用代码", dataIndex: "uscc", width: 200 },
    {
      title: "版本",
      dataIndex: "number",
      width: 130,
      render: (_, item) => <RevisionNumber number={item.number} isChange={item.isChange} />,
    },
    { title: "提交时间", dataIndex: "submittedAt", width: 180, render: (at: string) => formatDateTime(at) },
    ...(pending
      ? ([
          {
            title: "已等待",
            dataIndex: "workingDaysWaiting",
            width: 160,
            render: (_, item) => <WaitingDays days={item.workingDaysWaiting} overdue={item.overdue} />,
          },
          {
            title: "领取人",
            dataIndex: "claim",
            width: 140,
            render: (_, item) =>
              item.claim
                ? item.claim.staffId === me?.id
                  ? `${item.claim.staffName}（我）`
                  : item.claim.staffName
                : "未领取",
          },
        ] satisfies TableColumnsType<ReviewQueueItem>)
      : ([
          {
            title: "审核时间",
            dataIndex: "reviewedAt",
            width: 180,
            render: (at: string | null) => (at ? formatDateTime(at) : "—"),
          },
          { title: "审核人", dataIndex: "reviewerName", width: 120, render: (name: string | null) => name ?? "—" },
        ] satisfies TableColumnsType<ReviewQueueItem>)),
    {
      title: "操作",
      key: "actions",
      width: 130,
      render: (_, item) => (
        <Space size={4}>
          <Link
            to={`/console/review/${item.revisionId}`}
            aria-label={`查看 ${item.enterpriseName} 第 ${item.number} 版`}
          >
            查看
          </Link>
          {pending && !item.claim && (
            <Button
              type="link"
              size="small"
              aria-label={`领取 ${item.enterpriseName} 第 ${item.number} 版`}
              loading={action.isPending && action.variables?.revisionId === item.revisionId}
              onClick={() => claim(item.revisionId)}
            >
              领取
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (queue.isError && !queue.data) return <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Table<ReviewQueueItem>
      data-testid="review-queue-table"
      rowKey="revisionId"
      size="middle"
      loading={queue.isPending || (queue.isPlaceholderData && queue.isFetching)}
      dataSource={queue.data?.items}
      columns={columns}
      locale={{ emptyText: empty }}
      scroll={{ x: 1000 }}
      pagination={{
        current: pagination.page,
        pageSize: pagination.pageSize,
        total: queue.data?.total ?? 0,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 条`,
        onChange: pagination.onChange,
      }}
    />
  );
}
