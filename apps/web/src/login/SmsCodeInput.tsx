import { normalizeMobile } from "@lnca/contracts";
import { App, Button, Form, Input, Space } from "antd";
import { type SmsCodeResponse, type SmsPurpose, useSendSmsCode } from "../api/auth";
import { showOnField } from "./serverErrors";
import { useCountdown } from "./useCountdown";

const DEFAULT_RESEND_SECONDS = 60;

type SmsCodeInputProps = (
  | { purpose: SmsPurpose; sendTo?: undefined }
  /** Sends the code another way than /auth/sms-code (e.g. to the new mobile of a signed-in person). */
  | { purpose?: undefined; sendTo: (mobile: string) => Promise<SmsCodeResponse> }
) & {
  /** Injected by Form.Item; `id` ties the field's label to the text input. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
};

/** 短信验证码 input with 【获取验证码】; sends to the form's `mobile` field and counts down to the next send. */
export function SmsCodeInput(props: SmsCodeInputProps) {
  const { id, value, onChange } = props;
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  const send = useSendSmsCode();
  const [secondsLeft, startCountdown] = useCountdown();

  async function requestCode() {
    try {
      await form.validateFields(["mobile"]);
    } catch {
      return; // The mobile field now says what is wrong with it.
    }
    const mobile = normalizeMobile(form.getFieldValue("mobile") as string);
    if (!mobile) return;
    try {
      const result =
        props.sendTo === undefined
          ? await send.mutateAsync({ mobile, purpose: props.purpose })
          : await props.sendTo(mobile);
      startCountdown(result.resendAfterSeconds || DEFAULT_RESEND_SECONDS);
      message.success("验证码已发送，请注意查收");
    } catch (error) {
      if (!showOnField(form, error, ["mobile", "smsCode"])) {
        message.error(error instanceof Error ? error.message : "验证码发送失败");
      }
    }
  }

  return (
    <Space.Compact block>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value.trim())}
        placeholder="请输入短信验证码"
        maxLength={8}
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <Button
        onClick={() => void requestCode()}
        loading={send.isPending}
        disabled={secondsLeft > 0}
        style={{ minWidth: 120 }}
      >
        {secondsLeft > 0 ? `${secondsLeft} 秒后重新获取` : "获取验证码"}
      </Button>
    </Space.Compact>
  );
}
