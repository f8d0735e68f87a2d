import type { ReviewDetail, RevisionChange } from "@lnca/contracts";
import { Alert, Table } from "antd";
import { formatDateTime } from "../../time";
import { RevisionStatusTag } from "./reviewTags";

const EMPTY_VALUE = "（空）";

/** 与已生效版本的差异: field by field against the approved revision in force; null means a first submission. */
export function ChangesTable({ changes }: { changes: RevisionChange[] | null }) {
  if (changes === null) return <Alert type="info" showIcon title="首次提交：该单位尚无已生效版本，无可比对的差异。" />;
  if (changes.length === 0) return <Alert type="info" showIcon title="与已生效版本相比，本次提交没有内容变化。" />;
  return (
    <Table<RevisionChange>
      data-testid="revision-changes"
      rowKey="field"
      size="small"
      dataSource={changes}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项变化` }}
      columns={[
        { title: "字段", dataIndex: "label", width: 180 },
        { title: "原值", dataIndex: "before", render: (v: string | null) => v ?? EMPTY_VALUE },
        { title: "新值", dataIndex: "after", render: (v: string | null) => v ?? EMPTY_VALUE },
      ]}
    />
  );
}

type HistoryEntry = ReviewDetail["history"][number];

/** 审核历史: the enterprise's earlier decided revisions, newest first. */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  return (
    <Table<HistoryEntry>
      data-testid="review-history"
      rowKey="revisionId"
      size="small"
      dataSource={history}
      locale={{ emptyText: "暂无审核记录" }}
      pagination={{ defaultPageSize: 5, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
      columns={[
        { title: "版本", dataIndex: "number", width: 90, render: (n: number) => `第 ${n} 版` },
        {
          title: "审核结果",
          dataIndex: "status",
          width: 130,
          render: (_, e) => <RevisionStatusTag status={e.status} />,
        },
        { title: "审核人", dataIndex: "reviewerName", width: 120, render: (v: string | null) => v ?? "—" },
        {
          title: "审核时间",
          dataIndex: "reviewedAt",
          width: 180,
          render: (at: string | null) => (at ? formatDateTime(at) : "—"),
        },
        { title: "处理意见", dataIndex: "reviewOpinion", render: (v: string | null) => v ?? "—" },
      ]}
    />
  );
}
