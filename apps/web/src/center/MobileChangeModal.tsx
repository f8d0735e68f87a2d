import { normalizeMobile } from "@lnca/contracts";
import { App, Form, Input, Modal } from "antd";
import { sendMobileChangeCode, useChangeMobile } from "../api/profile";
import { mobileRules, smsCodeRules } from "../login/rules";
import { SmsCodeInput } from "../login/SmsCodeInput";
import { showOnField } from "../login/serverErrors";

interface MobileChangeForm {
  mobile: string;
  smsCode: string;
}

/** 【更换手机号】: the code goes to the NEW mobile; the login mobile changes once it is verified. */
export function MobileChangeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<MobileChangeForm>();
  const change = useChangeMobile();
  const { message } = App.useApp();

  async function submit(values: MobileChangeForm) {
    try {
      await change.mutateAsync({ mobile: normalizeMobile(values.mobile) ?? values.mobile, smsCode: values.smsCode });
      message.success("手机号已更换，请使用新手机号登录");
      form.resetFields();
      onClose();
    } catch (error) {
      if (!showOnField(form, error, ["mobile", "smsCode"])) message.error((error as Error).message);
    }
  }

  return (
    <Modal
      title="更换手机号"
      open={open}
      okText="确认更换"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="mobile" label="新手机号" rules={mobileRules} validateFirst>
          <Input placeholder="请输入新的手机号" maxLength={20} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="smsCode" label="短信验证码" rules={smsCodeRules}>
          <SmsCodeInput sendTo={sendMobileChangeCode} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
