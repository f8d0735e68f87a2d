import { EditOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Table, Tag } from "antd";
import { useNavigate } from "react-router-dom";
import { useProfile } from "../api/profile";
import { ErrorResult } from "../shared/ErrorResult";
import { FullPageSpin } from "../shared/FullPageSpin";
import { identityStatusTag } from "../shared/identityStatus";
import { PageHeader } from "../shared/PageHeader";
import { ROLE_NAMES, type SessionIdentity } from "../shared/roles";
import { missingText, ProfileStatusTag } from "./profileStatus";
import { useCurrentUser } from "./useCurrentUser";

/** 个人中心 主页: the person's 个人信息 with its status (已完善 / 未完善 and what is missing), and their identities. */
export function ProfilePage() {
  const { user } = useCurrentUser();
  const profile = useProfile();
  const navigate = useNavigate();
  if (profile.isPending) return <FullPageSpin />;
  if (profile.isError) return <ErrorResult error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const complete = p.status === "complete";
  const scan = (uploaded: unknown) => (uploaded ? "已上传" : "未上传");
  return (
    <>
      <PageHeader
        title="个人信息"
        description="个人信息完善后，方可办理 CA 延期年检等业务。"
        extra={
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate("/center/profile")}>
            编辑个人信息
          </Button>
        }
      />
      {!complete && (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          title="个人信息未完善"
          description={<span data-testid="profile-missing">尚未填写或上传：{missingText(p)}</span>}
        />
      )}
      <Card title="基本信息" className="section-gap">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "name", label: "姓名", children: p.name ?? "未填写" },
            { key: "idNumber", label: "身份证号", children: p.idNumberMasked ?? "未填写" },
            { key: "mobile", label: "手机号", children: user.mobileMasked },
            { key: "email", label: "电子邮箱", children: p.email ?? "未填写" },
            { key: "front", label: "身份证人像面", children: scan(p.idScans.front) },
            { key: "back", label: "身份证国徽面", children: scan(p.idScans.back) },
            { key: "complete", label: "信息状态", children: <ProfileStatusTag complete={complete} /> },
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
