import { CheckCircleFilled } from "@ant-design/icons";
import type { CaLoginResponse } from "@lnca/contracts";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../api/client";
import { usePublicConfig } from "../api/config";
import { type KeybridgeState, useKeybridgeKeys } from "../keybridge/useKeybridge";
import { CaLoginProgress } from "./CaLoginProgress";
import { CertificatePicker, choiceId, choicesOf } from "./CertificatePicker";
import { type CaLoginFailure, useCaLogin } from "./useCaLogin";

// Keybridge errors that concern the PIN go under the PIN field; the key list must be re-read after some.
const PIN_CODES = new Set(["PIN_INCORRECT", "PIN_LOCKED", "PIN_INVALID_FORMAT"]);
const REREAD_KEYS_CODES = new Set(["PIN_LOCKED", "KEY_NOT_FOUND", "CERTIFICATE_NOT_FOUND", "TOKEN_ERROR"]);

interface CaLoginFormProps {
  keybridge: KeybridgeState;
  onResult: (result: CaLoginResponse) => void;
}

/** Pick a certificate, enter the key's PIN, log in by challenge–response. */
export function CaLoginForm({ keybridge, onResult }: CaLoginFormProps) {
  const config = usePublicConfig();
  const keys = useKeybridgeKeys(keybridge);
  const login = useCaLogin(keybridge.client);
  const [form] = Form.useForm<{ pin: string }>();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const choices = keys.data ? choicesOf(keys.data) : undefined;
  // Preselect the first usable certificate: most users have exactly one key inserted.
  const selected =
    choices?.find((choice) => choiceId(choice) === chosenId) ?? choices?.find((choice) => !choice.key.pinLocked);

  function showFailure(failure: CaLoginFailure) {
    const { error } = failure;
    const code = error instanceof ApiError ? error.code : null;
    if (failure.phase === 1 && code && REREAD_KEYS_CODES.has(code)) void keys.refetch();
    if (failure.phase === 1 && code && PIN_CODES.has(code)) {
      setPinError(errorMessage(error));
      form.setFieldValue("pin", "");
    } else {
      setFormError(errorMessage(error));
    }
  }

  async function submit({ pin }: { pin: string }) {
    setPinError(null);
    setFormError(null);
    if (!selected) {
      setFormError("请先插入 CA 锁并选择 CA 数字证书");
      return;
    }
    const outcome = await login.run(selected, pin);
    if (outcome.ok) onResult(outcome.result);
    else showFailure(outcome.failure);
  }

  return (
    <div>
      {keybridge.status && (
        <Typography.Paragraph type="success" className="keybridge-ok">
          <CheckCircleFilled /> 已连接 CA 互联互通(辽宁版) 驱动 {keybridge.status.version}
        </Typography.Paragraph>
      )}
      <CertificatePicker
        choices={choices}
        loading={keys.isPending}
        error={keys.error}
        refreshing={keys.isFetching && !keys.isPending}
        value={selected ? choiceId(selected) : null}
        onChange={(id) => {
          setChosenId(id);
          setPinError(null);
          setFormError(null);
          login.reset();
        }}
        onRefresh={() => void keys.refetch()}
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        validateTrigger="onChange"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setPinError(null)}
      >
        <Form.Item
          label="CA 锁密码"
          name="pin"
          rules={[
            { required: true, message: "请输入 CA 锁密码" },
            { min: 6, message: "CA 锁密码至少 6 位" },
          ]}
          {...(pinError
            ? { validateStatus: "error" as const, help: <span data-testid="pin-error">{pinError}</span> }
            : {})}
        >
          <Input.Password placeholder="请输入 CA 锁密码" maxLength={32} autoComplete="off" />
        </Form.Item>
        {config.data?.demo && config.data.demoPin && (
          <Typography.Paragraph type="secondary" className="demo-hint" data-testid="demo-pin-hint">
            演示 CA 锁密码：{config.data.demoPin}
          </Typography.Paragraph>
        )}
        {login.phase !== null && (
          <CaLoginProgress phase={login.phase} running={login.running} failure={login.failure} />
        )}
        {formError && (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="ca-login-error" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          // A wrong PIN fails within tens of milliseconds; the delay keeps such a blink from leaving a spinner.
          loading={login.running && { delay: 200 }}
          disabled={!selected && !keys.isPending}
        >
          登录
        </Button>
      </Form>
    </div>
  );
}
