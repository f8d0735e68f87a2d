import { type Profile, type ProfileUpdateRequest, profileChecks } from "@lnca/contracts";
import { Alert, App, Button, Card, Form, type FormRule, Input, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useProfile, useUpdateProfile } from "../api/profile";
import { showOnField } from "../login/serverErrors";
import { ErrorResult } from "../shared/ErrorResult";
import { FullPageSpin } from "../shared/FullPageSpin";
import { PageHeader } from "../shared/PageHeader";
import { IdScanUpload } from "./IdScanUpload";
import { MobileChangeModal } from "./MobileChangeModal";
import { missingText } from "./profileStatus";

/** A required field checked with the same rule (and message) the server applies, as the user types. */
function rules(required: string, check: (value: string) => string | null): FormRule[] {
  return [
    { required: true, whitespace: true, message: required },
    {
      validator: (_, value: string | undefined) => {
        const problem = value?.trim() ? check(value) : null;
        return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
      },
    },
  ];
}

const nameRules = rules("请输入姓名", profileChecks.name);
const idNumberRules = rules("请输入身份证号", profileChecks.idNumber);
const emailRules = rules("请输入电子邮箱", profileChecks.email);

/** 【编辑个人信息】 (guide §二 图 1): fill in, upload both sides, 【确认完善信息，返回主页】. */
export function ProfileEditPage() {
  const profile = useProfile();
  if (profile.isPending) return <FullPageSpin />;
  if (profile.isError) return <ErrorResult error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ProfileForm profile={profile.data} />;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const [form] = Form.useForm<ProfileUpdateRequest>();
  const update = useUpdateProfile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changingMobile, setChangingMobile] = useState(false);
  const [stillMissing, setStillMissing] = useState<string | null>(null);

  async function confirm(values: ProfileUpdateRequest) {
    try {
      const saved = await update.mutateAsync(values);
      if (saved.status === "complete") {
        message.success("个人信息已完善");
        navigate("/center");
      } else {
        setStillMissing(missingText(saved));
      }
    } catch (error) {
      if (!showOnField(form, error, ["name", "idNumber", "email"])) message.error((error as Error).message);
    }
  }

  return (
    <>
      <PageHeader title="编辑个人信息" description="请如实填写个人信息并上传身份证扫描件，带 * 的为必填项。" />
      <Card>
        <Form<ProfileUpdateRequest>
          form={form}
          layout="horizontal"
          labelCol={{ flex: "150px" }}
          wrapperCol={{ flex: "480px" }}
          initialValues={{ name: profile.name ?? "", idNumber: profile.idNumber ?? "", email: profile.email ?? "" }}
          onFinish={(values) => void confirm(values)}
        >
          <Form.Item name="name" label="姓名" rules={nameRules} validateFirst>
            <Input placeholder="请输入姓名" maxLength={30} autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号" rules={idNumberRules} validateFirst>
            <Input placeholder="请输入 18 位居民身份证号码" maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item label="手机号" extra="登录手机号，更换需验证新手机号">
            <Space>
              <span data-testid="profile-mobile">{profile.mobile}</span>
              <Button type="link" onClick={() => setChangingMobile(true)}>
                更换手机号
              </Button>
            </Space>
          </Form.Item>
          <Form.Item name="email" label="电子邮箱" rules={emailRules} validateFirst>
            <Input placeholder="请输入电子邮箱" maxLength={254} inputMode="email" autoComplete="email" />
          </Form.Item>
          <Form.Item label="身份证人像面" required>
            <IdScanUpload side="front" scan={profile.idScans.front} />
          </Form.Item>
          <Form.Item label="身份证国徽面" required>
            <IdScanUpload side="back" scan={profile.idScans.back} />
          </Form.Item>
          {stillMissing && (
            <Alert
              type="warning"
              showIcon
              className="section-gap"
              title="个人信息未完善"
              description={`尚未填写或上传：${stillMissing}`}
            />
          )}
          <Form.Item wrapperCol={{ offset: 0 }} style={{ marginBottom: 0 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                确认完善信息，返回主页
              </Button>
              <Button onClick={() => navigate("/center")}>返回</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <MobileChangeModal open={changingMobile} onClose={() => setChangingMobile(false)} />
    </>
  );
}
