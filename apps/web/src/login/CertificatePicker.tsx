import { ReloadOutlined, UsbOutlined } from "@ant-design/icons";
import type { KeybridgeCertificate, KeybridgeKey } from "@lnca/contracts";
import { Button, Empty, Flex, Radio, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { ErrorResult } from "../shared/ErrorResult";
import { formatDate } from "../time";

export interface CertificateChoice {
  key: KeybridgeKey;
  certificate: KeybridgeCertificate;
}

export function choiceId(choice: CertificateChoice): string {
  return `${choice.key.keyId}/${choice.certificate.certId}`;
}

export function choicesOf(keys: KeybridgeKey[]): CertificateChoice[] {
  return keys.flatMap((key) => key.certificates.map((certificate) => ({ key, certificate })));
}

interface CertificatePickerProps {
  choices: CertificateChoice[] | undefined;
  loading: boolean;
  error: unknown;
  refreshing: boolean;
  value: string | null;
  onChange: (id: string) => void;
  onRefresh: () => void;
}

/** The certificates on every inserted key, one radio each. */
export function CertificatePicker(props: CertificatePickerProps) {
  const { choices, loading, error, refreshing, value, onChange, onRefresh } = props;
  return (
    <div className="certificate-picker">
      <Flex justify="space-between" align="center" className="certificate-picker-head">
        <Typography.Text strong>选择 CA 数字证书</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh}>
          刷新
        </Button>
      </Flex>
      {loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : error ? (
        <ErrorResult error={error} title="读取 CA 锁失败" onRetry={onRefresh} />
      ) : !choices || choices.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="未检测到 CA 锁，请插入 CA 锁后点击刷新"
          data-testid="certificate-empty"
        />
      ) : (
        <Radio.Group value={value} onChange={(event) => onChange(event.target.value as string)} className="cert-list">
          {choices.map((choice) => (
            <CertificateOption key={choiceId(choice)} choice={choice} />
          ))}
        </Radio.Group>
      )}
    </div>
  );
}

function CertificateOption({ choice }: { choice: CertificateChoice }) {
  const { key, certificate } = choice;
  const expired = dayjs(certificate.notAfter).isBefore(dayjs());
  return (
    <Radio value={choiceId(choice)} className="cert-item" disabled={key.pinLocked}>
      <div className="cert-item-body" data-testid="certificate-item" data-cert-id={certificate.certId}>
        <div className="cert-item-name">
          {certificate.commonName}
          {expired && <Tag color="red">已过期</Tag>}
          {key.pinLocked && <Tag color="red">密码已锁定</Tag>}
        </div>
        <div className="cert-item-meta">颁发者：{issuerName(certificate.issuer)}</div>
        <div className="cert-item-meta">
          有效期至：{formatDate(certificate.notAfter)}
          <span className="cert-item-key">
            <UsbOutlined /> {key.label}
          </span>
        </div>
      </div>
    </Radio>
  );
}

/** The issuing CA's own name (its CN) rather than the whole distinguished name. */
function issuerName(issuer: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(issuer)?.[1] ?? issuer;
}
