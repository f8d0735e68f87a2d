import { normalizeMobile } from "@lnca/contracts";
import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { useSmsLogin } from "../api/auth";
import { errorMessage } from "../api/client";
import { DemoSmsHint } from "./DemoSmsHint";
import { mobileRules, smsCodeRules } from "./rules";
import { SmsCodeInput } from "./SmsCodeInput";
import { showOnField } from "./serverErrors";

interface SmsLoginValues {
  mobile: string;
  smsCode: string;
}

/** 手机号登录: for users who already bound their key; the mobile number is their account. */
export function SmsLoginTab({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [form] = Form.useForm<SmsLoginValues>();
  const login = useSmsLogin();
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(values: SmsLoginValues) {
    setFormError(null);
    try {
      await login.mutateAsync({ mobile: normalizeMobile(values.mobile) ?? values.mobile, smsCode: values.smsCode });
      onLoggedIn();
    } catch (error) {
      if (!showOnField(form, error, ["mobile", "smsCode"])) setFormError(errorMessage(error));
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      validateTrigger="onChange"
      onFinish={(values) => void submit(values)}
      onValuesChange={() => setFormError(null)}
    >
      <Form.Item label="手机号" name="mobile" rules={mobileRules}>
        <Input placeholder="请输入绑定的手机号" maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item label="短信验证码" name="smsCode" rules={smsCodeRules}>
        <SmsCodeInput purpose="login" />
      </Form.Item>
      <DemoSmsHint />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
