import { PlusOutlined } from "@ant-design/icons";
import { type EnterpriseRole, isValidUscc } from "@lnca/contracts";
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useApplyIdentity, useSwitchIdentity } from "../api/identities";
import { identityStatusTag } from "../shared/identityStatus";
import { PageHeader } from "../shared/PageHeader";
import { ROLE_NAMES, type SessionIdentity } from "../shared/roles";
import { useCurrentUser } from "./useCurrentUser";

type RoleKind = "enterprise" | "personal";
const ENTERPRISE_ROLES: EnterpriseRole[] = ["admin", "project_lead", "authorized_agent"];

/** 切换身份 (guide §二(二)): choose 企业角色 or 个人角色, 【新增】 an identity, switch among the active ones. */
export function IdentityPage() {
  const { user } = useCurrentUser();
  const { message } = App.useApp();
  const [kind, setKind] = useState<RoleKind>("enterprise");
  const [adding, setAdding] = useState(false);
  const apply = useApplyIdentity();
  const switchTo = useSwitchIdentity();
  const identities = user.identities.filter((i) => (kind === "personal") === (i.role === "individual"));

  const applyPersonal = () =>
    apply.mutate(
      { kind: "personal" },
      { onSuccess: () => message.success("申请身份成功"), onError: (e) => message.error(e.message) },
    );

  const onSwitch = (identity: SessionIdentity) =>
    switchTo.mutate(identity.id, {
      onSuccess: () =>
        message.success(`已切换为「${identity.enterpriseName ?? "个人"} · ${ROLE_NAMES[identity.role]}」`),
      onError: (e) => message.error(e.message),
    });

  return (
    <>
      <PageHeader
        title="切换身份"
        description="根据您的实际情况选择角色（包括企业角色和个人角色）；有多个身份时可在此切换，各页面按当前身份办理业务。"
      />
      <Card
        title={
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { label: "企业角色", value: "enterprise" },
              { label: "个人角色", value: "personal" },
            ]}
          />
        }
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={kind === "personal" && apply.isPending}
            onClick={() => (kind === "enterprise" ? setAdding(true) : applyPersonal())}
          >
            新增
          </Button>
        }
      >
        {kind === "enterprise" && (
          <Alert
            type="info"
            showIcon
            className="section-gap"
            title="如贵公司首次使用主锁登录新平台，请先新增管理员身份。项目负责人、授权委托人身份需企业管理员审批后生效。"
          />
        )}
        <Table<SessionIdentity>
          data-testid="identity-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={identities}
          locale={{
            emptyText: kind === "enterprise" ? "暂无企业身份，请点击【新增】" : "暂无个人身份，请点击【新增】",
          }}
          columns={[
            ...(kind === "enterprise" ? [{ title: "企业名称", dataIndex: "enterpriseName" }] : []),
            { title: "身份", dataIndex: "role", render: (role: SessionIdentity["role"]) => ROLE_NAMES[role] },
            { title: "状态", dataIndex: "status", render: (status: string) => identityStatusTag(status) },
            {
              title: "操作",
              key: "switch",
              render: (_, identity) =>
                identity.id === user.currentIdentityId ? (
                  <Tag color="blue">当前身份</Tag>
                ) : identity.status === "active" ? (
                  <Button
                    size="small"
                    loading={switchTo.isPending && switchTo.variables === identity.id}
                    onClick={() => onSwitch(identity)}
                  >
                    切换
                  </Button>
                ) : (
                  <Typography.Text type="secondary">待审批后可切换</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <AddEnterpriseIdentity open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

interface ApplicationForm {
  enterpriseName: string;
  uscc: string;
  role: EnterpriseRole;
}

/** 新增身份类型: 企业名称, 统一社会信用代码, 身份 → 【提交】 → 「申请身份成功」. */
function AddEnterpriseIdentity({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ApplicationForm>();
  const { message } = App.useApp();
  const apply = useApplyIdentity();

  const submit = (values: ApplicationForm) =>
    apply.mutate(
      { kind: "enterprise", ...values },
      {
        onSuccess: () => {
          message.success("申请身份成功");
          form.resetFields();
          onClose();
        },
        onError: (e) => message.error(e.message),
      },
    );

  return (
    <Modal title="新增身份" open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<ApplicationForm> form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="enterpriseName"
          label="企业名称"
          rules={[{ required: true, whitespace: true, message: "请输入企业名称" }]}
        >
          <Input maxLength={100} placeholder="与营业执照一致" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          normalize={(v: string) => v.trim().toUpperCase()}
          rules={[
            { required: true, message: "请输入统一社会信用代码" },
            {
              validator: (_, v: string) =>
                !v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error("统一社会信用代码不正确")),
            },
          ]}
        >
          <Input maxLength={18} placeholder="18 位统一社会信用代码" />
        </Form.Item>
        <Form.Item name="role" label="身份" rules={[{ required: true, message: "请选择身份" }]}>
          <Select
            placeholder="请选择身份"
            options={ENTERPRISE_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }))}
          />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={apply.isPending}>
            提交
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
