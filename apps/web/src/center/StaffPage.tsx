import type { EnterprisePerson } from "@lnca/contracts";
import { App, Button, Card, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { type Decision, useDecideIdentity, useEnterprisePeople } from "../api/identities";
import { ErrorResult } from "../shared/ErrorResult";
import { identityStatusTag } from "../shared/identityStatus";
import { PageHeader } from "../shared/PageHeader";
import { RejectReasonModal } from "../shared/RejectReasonModal";
import { ROLE_NAMES } from "../shared/roles";
import { formatDate } from "../time";
import { AdminOnly } from "./AdminOnly";
import { useCurrentUser } from "./useCurrentUser";

export function StaffPage() {
  return (
    <AdminOnly>
      <PeopleOfEnterprise />
    </AdminOnly>
  );
}

type PersonIdentity = EnterprisePerson["identities"][number];

/** 人员管理: the enterprise's people, their identities, keys and certificates; approve, reject or remove. */
function PeopleOfEnterprise() {
  const { identity } = useCurrentUser();
  const enterpriseId = identity?.enterpriseId ?? "";
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const people = useEnterprisePeople(enterpriseId, page, pageSize);
  const decide = useDecideIdentity();

  const run = (decision: Decision, done: string) =>
    decide.mutate(decision, {
      onSuccess: () => {
        message.success(done);
        setRejecting(null);
      },
      onError: (e) => message.error(e.message),
    });

  const actions = (i: PersonIdentity) => {
    if (i.role === "admin") return null;
    return (
      <Space size={4}>
        {i.status === "pending" && (
          <>
            <Button size="small" type="link" onClick={() => run({ kind: "approve", identityId: i.id }, "已通过")}>
              通过
            </Button>
            <Button size="small" type="link" danger onClick={() => setRejecting(i.id)}>
              驳回
            </Button>
          </>
        )}
        {i.status === "active" && (
          <Popconfirm
            title="确认移除该身份？"
            description="移除后该人员将不能再以此身份办理本企业业务，并将收到短信通知。"
            okText="移除"
            cancelText="取消"
            onConfirm={() => run({ kind: "remove", identityId: i.id }, "已移除")}
          >
            <Button size="small" type="link" danger>
              移除
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title="人员管理"
        description="本企业的人员及其身份、CA 锁与证书。项目负责人、授权委托人的身份申请由管理员审批；每项决定均以短信通知本人。"
      />
      <Card>
        {people.isError && !people.data ? (
          <ErrorResult error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <Table<EnterprisePerson>
            data-testid="people-table"
            rowKey="userId"
            size="middle"
            loading={people.isPending}
            dataSource={people.data?.items}
            locale={{ emptyText: "暂无人员" }}
            pagination={{
              current: page,
              pageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 人`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
            columns={[
              { title: "姓名", dataIndex: "name", width: 120, render: (name: string | null) => name ?? "未填写" },
              { title: "手机号", dataIndex: "mobileMasked", width: 140 },
              {
                title: "身份",
                dataIndex: "identities",
                render: (identities: PersonIdentity[]) => (
                  <Space orientation="vertical" size={4}>
                    {identities.map((i) => (
                      <Space key={i.id} size={8} data-testid={`identity-${i.id}`}>
                        <span>{ROLE_NAMES[i.role]}</span>
                        {identityStatusTag(i.status)}
                        {actions(i)}
                      </Space>
                    ))}
                  </Space>
                ),
              },
              {
                title: "CA 锁与证书",
                dataIndex: "certificates",
                render: (certificates: EnterprisePerson["certificates"]) =>
                  certificates.length === 0 ? (
                    <Typography.Text type="secondary">无</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={2}>
                      {certificates.map((c) => (
                        <Typography.Text key={c.id}>
                          {c.tokenLabel ?? "CA 锁"} · 序列号 {c.serialNumber}
                          {c.notAfter ? ` · 有效期至 ${formatDate(c.notAfter)}` : ""}
                          {c.status === "revoked" ? "（已吊销）" : ""}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <RejectReasonModal
        open={rejecting !== null}
        title="驳回身份申请"
        pending={decide.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => rejecting && run({ kind: "reject", identityId: rejecting, reason }, "已驳回")}
      />
    </>
  );
}
