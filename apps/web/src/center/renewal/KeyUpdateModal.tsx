import { CheckCircleFilled, DownloadOutlined, ReadOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Form, Input, Modal, Result, Space, Spin, Steps, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, errorMessage } from "../../api/client";
import { usePublicConfig } from "../../api/config";
import { KeybridgeBlocked } from "../../keybridge/KeybridgeBlocked";
import { useKeybridge, useKeybridgeKeys } from "../../keybridge/useKeybridge";
import { formatDate } from "../../time";
import { findCertificateOnKeys, KEY_UPDATE_STEPS } from "./keyUpdate";
import { type KeyUpdateOutcome, type KeyUpdateTarget, useKeyUpdate } from "./useKeyUpdate";

/** The certificate the update is for: what the holder must insert. */
export interface KeyUpdateSubject {
  target: KeyUpdateTarget;
  serialNumber: string;
  notAfter: string | null;
}

const PIN_CODES = new Set(["PIN_INCORRECT", "PIN_LOCKED", "PIN_INVALID_FORMAT"]);

/**
 * 【读取 CA 数字证书】 → 【自助年检】 → USBKEY 密码 → progress → 「延期年检成功」 (guide §四(二) steps 7–9), for one
 * paid certificate. Opened again on an update that broke off, it continues from where the server says it is.
 */
export function KeyUpdateModal({ subject, onClose }: { subject: KeyUpdateSubject | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={subject?.target.kind === "retire" ? "删除原证书" : "自助年检"}
      open={subject !== null}
      onCancel={() => {
        if (!busy) onClose();
      }}
      closable={!busy}
      mask={{ closable: false }}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {subject && <KeyUpdateFlow subject={subject} onRunning={setBusy} onClose={onClose} />}
    </Modal>
  );
}

function KeyUpdateFlow({
  subject,
  onRunning,
  onClose,
}: {
  subject: KeyUpdateSubject;
  onRunning: (running: boolean) => void;
  onClose: () => void;
}) {
  const keybridge = useKeybridge();
  const keys = useKeybridgeKeys(keybridge);
  const config = usePublicConfig();
  const update = useKeyUpdate(keybridge.client);
  const [read, setRead] = useState(false);
  const [askPin, setAskPin] = useState(false);
  const [pinError, setPinError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<KeyUpdateOutcome | null>(null);
  const [form] = Form.useForm<{ pin: string }>();

  if (keybridge.running === null) {
    return (
      <div className="center-block">
        <Spin description="正在检测 CA 互联互通(辽宁版) 驱动…" />
      </div>
    );
  }
  if (!keybridge.running) {
    if (keybridge.trouble === "permission_denied") return <KeybridgeBlocked />;
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="key-update-bridge-missing"
        title="未检测到 CA 互联互通(辽宁版) 驱动（拓展程序）"
        description={
          <>
            更新数字证书需要在本机安装并运行拓展程序，安装并启动后本窗口将自动检测。{" "}
            <Link to="/downloads" className="inline-link">
              <DownloadOutlined /> 前往下载中心
            </Link>
          </>
        }
      />
    );
  }

  const found = keys.data ? findCertificateOnKeys(keys.data, subject.serialNumber) : null;
  const { holderName } = subject.target;

  async function start({ pin }: { pin: string }) {
    if (!found) return;
    setAskPin(false);
    setPinError(null);
    onRunning(true);
    const result = await update.run(subject.target, found, pin);
    onRunning(false);
    form.resetFields();
    if (!result.ok) {
      const code = result.failure.error instanceof ApiError ? result.failure.error.code : null;
      if (code && PIN_CODES.has(code)) {
        setPinError(errorMessage(result.failure.error));
        setAskPin(true);
      }
      void keys.refetch();
      return;
    }
    setOutcome(result);
  }

  if (outcome?.ok) {
    return (
      <Result
        status="success"
        data-testid="key-update-success"
        title={subject.target.kind === "retire" ? "原证书已删除" : "延期年检成功"}
        subTitle={
          outcome.keyUpdate.newCertificate && (
            <span data-testid="key-update-new-validity">
              新证书有效期至 {formatDate(outcome.keyUpdate.newCertificate.notAfter)}
            </span>
          )
        }
        extra={[
          !outcome.oldKeyRetired && (
            <Alert
              key="retire"
              type="warning"
              showIcon
              title="新证书已生效，但原证书尚未从 CA 锁中删除"
              description="请保持 CA 锁插入，稍后在【更新数字证书】页点击「删除原证书」完成清理。"
            />
          ),
          <Button key="close" type="primary" onClick={onClose}>
            完成
          </Button>,
        ]}
      />
    );
  }

  return (
    <div data-testid="key-update-flow">
      <Descriptions size="small" column={1} bordered className="section-gap">
        <Descriptions.Item label="持证人">{holderName}</Descriptions.Item>
        <Descriptions.Item label="证书序列号">
          <Typography.Text code>{subject.serialNumber.toUpperCase()}</Typography.Text>
        </Descriptions.Item>
        {subject.notAfter && (
          <Descriptions.Item label="原证书到期时间">{formatDate(subject.notAfter)}</Descriptions.Item>
        )}
      </Descriptions>

      {update.phase === null && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Paragraph>先插入对应的 CA 锁，然后点击【读取 CA 数字证书】。</Typography.Paragraph>
          <Button
            icon={<ReadOutlined />}
            loading={keys.isFetching}
            onClick={() => {
              setRead(true);
              void keys.refetch();
            }}
          >
            读取 CA 数字证书
          </Button>
          {read && !keys.isFetching && keys.error && <Alert type="error" showIcon title={errorMessage(keys.error)} />}
          {read && !keys.isFetching && keys.data && !found && (
            <Alert
              type="warning"
              showIcon
              data-testid="key-update-insert-key"
              title="已插入的 CA 锁中没有需要更新的证书"
              description={`请插入持证人「${holderName}」的 CA 锁（证书序列号 ${subject.serialNumber.toUpperCase()}）后重新读取。`}
            />
          )}
        </Space>
      )}

      {read && found && update.phase === null && (
        <div className="section-gap" data-testid="key-update-key-read">
          <Typography.Paragraph type="success">
            <CheckCircleFilled /> 已读取 CA 锁「{found.key.label}」：{found.certificate.commonName}，有效期至{" "}
            {formatDate(found.certificate.notAfter)}
          </Typography.Paragraph>
          <Button type="primary" disabled={found.key.pinLocked} onClick={() => setAskPin(true)}>
            {subject.target.kind === "retire" ? "删除原证书" : "自助年检"}
          </Button>
          {found.key.pinLocked && <Alert type="error" showIcon title="CA 锁密码已锁定，请联系办理点解锁" />}
        </div>
      )}

      {update.phase !== null && (
        <div className="section-gap" data-testid="key-update-progress">
          <Steps
            size="small"
            current={update.phase}
            status={update.failure ? "error" : update.running ? "process" : "finish"}
            items={KEY_UPDATE_STEPS.map((title) => ({ title }))}
          />
          {update.running && (
            <Alert
              className="section-gap"
              type="info"
              showIcon
              title="正在进行证书更新（年检），请勿操作键盘鼠标，也不要拔出 CA 锁"
            />
          )}
          {update.failure && (
            <Alert
              className="section-gap"
              type="error"
              showIcon
              data-testid="key-update-error"
              title={errorMessage(update.failure.error)}
              description="已完成的步骤不会丢失，已支付的费用也无需再付；检查后可重试，将从中断处继续。"
              action={
                <Button size="small" onClick={() => setAskPin(true)}>
                  重试
                </Button>
              }
            />
          )}
        </div>
      )}

      <Modal
        title="请输入 USBKEY 密码"
        open={askPin}
        okText="确定"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setAskPin(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void start(values)}>
          <Form.Item
            label="USBKEY 密码"
            name="pin"
            rules={[
              { required: true, message: "请输入 USBKEY 密码" },
              { min: 6, message: "USBKEY 密码至少 6 位" },
            ]}
            {...(pinError
              ? { validateStatus: "error" as const, help: <span data-testid="pin-error">{pinError}</span> }
              : {})}
          >
            <Input.Password placeholder="请输入 USBKEY 密码" maxLength={32} autoComplete="off" autoFocus />
          </Form.Item>
          {config.data?.demo && config.data.demoPin && (
            <Typography.Paragraph type="secondary" data-testid="demo-pin-hint">
              演示 CA 锁密码：{config.data.demoPin}
            </Typography.Paragraph>
          )}
        </Form>
      </Modal>
    </div>
  );
}
