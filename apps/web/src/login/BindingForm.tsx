import { normalizeMobile } from "@lnca/contracts";
import { Alert, Button, Card, Flex, Form, Input, Steps } from "antd";
import { useState } from "react";
import { useBind } from "../api/auth";
import { ApiError, errorMessage } from "../api/client";
import { BoundCertificate } from "./BoundCertificate";
import { DemoSmsHint } from "./DemoSmsHint";
import { idNumberRules, mobileRules, personNameRules, smsCodeRules } from "./rules";
import { SmsCodeInput } from "./SmsCodeInput";
import { showOnField } from "./serverErrors";
import type { BindingRequired } from "./useCaLogin";

interface BindingValues {
  name?: string;
  mobile: string;
  smsCode: string;
  idNumber?: string;
}

interface BindingFormProps {
  binding: BindingRequired;
  onBound: () => void;
  /** Back to CA 登录, e.g. after the binding ticket expired. */
  onRestart: () => void;
}

/** 绑定身份 after the first CA login: main key → the administrator; personal key → the holder. */
export function BindingForm({ binding, onBound, onRestart }: BindingFormProps) {
  const [form] = Form.useForm<BindingValues>();
  const bind = useBind();
  const [formError, setFormError] = useState<ApiError | Error | null>(null);
  const mainKey = binding.certificate.holderKind === "organization";

  async function submit(values: BindingValues) {
    setFormError(null);
    try {
      await bind.mutateAsync({
        bindingTicket: binding.bindingTicket,
        mobile: normalizeMobile(values.mobile) ?? values.mobile,
        smsCode: values.smsCode,
        ...(mainKey ? { name: values.name?.trim(), idNumber: values.idNumber?.trim().toUpperCase() } : {}),
      });
      onBound();
    } catch (error) {
      if (!showOnField(form, error, mainKey ? ["mobile", "smsCode", "idNumber"] : ["mobile", "smsCode"])) {
        setFormError(error instanceof Error ? error : new Error(errorMessage(error)));
      }
    }
  }

  const ticketExpired = formError instanceof ApiError && formError.code === "BINDING_TICKET_INVALID";

  return (
    <Card className="binding-card" title={<h1>绑定身份</h1>} data-testid="binding-form">
      <Steps
        size="small"
        current={1}
        className="binding-steps"
        items={[{ title: "CA 登录" }, { title: "绑定身份" }, { title: "完成" }]}
      />
      <BoundCertificate certificate={binding.certificate} />
      <Alert
        type="info"
        showIcon
        className="binding-note"
        title={
          mainKey
            ? "CA 主锁登录：填写的手机号码将作为管理员在网联新平台的登录账号。"
            : "CA 个人锁登录：填写的手机号码将作为持锁人本人在网联新平台的登录账号。"
        }
        description={
          mainKey
            ? "请完善本企业管理员的手机号及身份证号。管理员拥有企业信息、人员管理、CA 管理、订单管理、发票管理等所有功能的操作权限，身份唯一。"
            : "请绑定持锁人本人的手机号。一锁一人一账号。"
        }
      />
      <Form
        form={form}
        layout="vertical"
        validateTrigger="onChange"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setFormError(null)}
        className="binding-fields"
      >
        {mainKey && (
          <Form.Item label="管理员姓名" name="name" rules={personNameRules}>
            <Input placeholder="请输入管理员姓名" maxLength={50} autoComplete="name" />
          </Form.Item>
        )}
        <Form.Item label={mainKey ? "管理员手机号" : "手机号"} name="mobile" rules={mobileRules}>
          <Input placeholder="请输入手机号" maxLength={20} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="短信验证码" name="smsCode" rules={smsCodeRules}>
          <SmsCodeInput purpose="bind" />
        </Form.Item>
        {mainKey && (
          <Form.Item label="管理员身份证号" name="idNumber" rules={idNumberRules}>
            <Input placeholder="请输入 18 位居民身份证号码" maxLength={18} autoComplete="off" />
          </Form.Item>
        )}
        <DemoSmsHint />
        {formError && (
          <Alert
            type="error"
            showIcon
            title={formError.message}
            style={{ marginBottom: 16 }}
            data-testid="binding-error"
            action={
              ticketExpired && (
                <Button size="small" onClick={onRestart}>
                  重新 CA 登录
                </Button>
              )
            }
          />
        )}
        <Flex gap={12}>
          <Button onClick={onRestart}>返回</Button>
          <Button type="primary" htmlType="submit" loading={bind.isPending} style={{ flex: 1 }}>
            确认绑定
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
