import type { AdminApplication } from "@lnca/contracts";
import { App, Button, Card, Space, Table } from "antd";
import { useState } from "react";
import { type Decision, useAdminApplications, useDecideIdentity } from "../api/identities";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { RejectReasonModal } from "../shared/RejectReasonModal";
import { formatDateTime } from "../time";

/** 管理员申请: an enterprise without an administrator gets one when the operator approves an application. */
export function AdminApplicationsPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const applications = useAdminApplications(page, pageSize);
  const decide = useDecideIdentity("console");

  const run = (decision: Decision, done: string) =>
    decide.mutate(decision, {
      onSuccess: () => {
        message.success(done);
        setRejecting(null);
      },
      onError: (e) => message.error(e.message),
    });

  return (
    <>
      <PageHeader
        title="管理员申请"
        description="尚无管理员的企业，其管理员身份申请由运营审批；每个企业只有一位管理员，审批结果以短信通知申请人。"
      />
      <Card>
        {applications.isError && !applications.data ? (
          <ErrorResult error={applications.error} onRetry={() => void applications.refetch()} />
        ) : (
          <Table<AdminApplication>
            data-testid="admin-applications-table"
            rowKey="identityId"
            size="middle"
            loading={applications.isPending}
            dataSource={applications.data?.items}
            locale={{ emptyText: "暂无待审批的管理员申请" }}
            pagination={{
              current: page,
              pageSize,
              total: applications.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
            columns={[
              { title: "申请时间", dataIndex: "appliedAt", width: 180, render: (at: string) => formatDateTime(at) },
              { title: "企业名称", dataIndex: "enterpriseName" },
              { title: "统一社会信用代码", dataIndex: "uscc", width: 200 },
              { title: "申请人", dataIndex: "applicantName", render: (name: string | null) => name ?? "未填写" },
              { title: "手机号", dataIndex: "mobileMasked", width: 140 },
              {
                title: "操作",
                key: "actions",
                width: 140,
                render: (_, a) => (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => run({ kind: "approve", identityId: a.identityId }, "已通过")}
                    >
                      通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => setRejecting(a.identityId)}>
                      驳回
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RejectReasonModal
        open={rejecting !== null}
        title="驳回管理员申请"
        pending={decide.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => rejecting && run({ kind: "reject", identityId: rejecting, reason }, "已驳回")}
      />
    </>
  );
}
