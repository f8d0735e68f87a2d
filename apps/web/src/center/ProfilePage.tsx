import { Alert, Card, Descriptions, Table, Tag } from "antd";
import { identityStatusTag } from "../shared/identityStatus";
import { PageHeader } from "../shared/PageHeader";
import { ROLE_NAMES, type SessionIdentity } from "../shared/roles";
import { useCurrentUser } from "./useCurrentUser";

/** 个人信息: what the session knows about the user and their identities. */
export function ProfilePage() {
  const { user } = useCurrentUser();
  return (
    <>
      <PageHeader title="个人信息" description="个人信息完善后，方可办理 CA 延期年检等业务。" />
      {!user.profileComplete && (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          title="个人信息未完善"
          description="请完善姓名、身份证号、邮箱并上传身份证扫描件。【编辑个人信息】功能将在后续版本开放。"
        />
      )}
      <Card title="基本信息" className="section-gap">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "name", label: "姓名", children: user.name ?? "未填写" },
            { key: "mobile", label: "手机号", children: user.mobileMasked },
            {
              key: "complete",
              label: "信息状态",
              children: user.profileComplete ? (
                <Tag color="success" data-testid="profile-status">
                  已完善
                </Tag>
              ) : (
                <Tag color="warning" data-testid="profile-status">
                  未完善
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title="我的身份">
        <Table<SessionIdentity>
          rowKey="id"
          pagination={false}
          dataSource={user.identities}
          locale={{ emptyText: "暂无身份，可在【切换身份】中新增" }}
          columns={[
            {
              title: "身份",
              dataIndex: "role",
              render: (role: SessionIdentity["role"], identity) => (
                <>
                  {ROLE_NAMES[role]}
                  {identity.id === user.currentIdentityId && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      当前身份
                    </Tag>
                  )}
                </>
              ),
            },
            { title: "企业名称", dataIndex: "enterpriseName", render: (name: string | null) => name ?? "—" },
            { title: "状态", dataIndex: "status", render: (status: string) => identityStatusTag(status) },
          ]}
        />
      </Card>
    </>
  );
}
