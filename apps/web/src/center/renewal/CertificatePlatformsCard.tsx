import type { Platform, RenewableCertificate } from "@lnca/contracts";
import { Card, Checkbox, Flex, Space, Tag, Typography } from "antd";
import { yuan } from "../../shared/yuan";
import { formatDate } from "../../time";

interface CertificatePlatformsCardProps {
  certificate: RenewableCertificate;
  platforms: Platform[];
  chosen: string[];
  priceFen: number | null;
  onChange: (codes: string[]) => void;
}

/** One certificate on 选择应用平台 (guide 图 3): its price, and every platform with the current ones preselected. */
export function CertificatePlatformsCard({
  certificate,
  platforms,
  chosen,
  priceFen,
  onChange,
}: CertificatePlatformsCardProps) {
  return (
    <Card
      className="section-gap"
      data-testid="certificate-platforms"
      title={
        <Flex justify="space-between" align="center">
          <span>{certificate.holderName}</span>
          <strong className="renewal-price" data-testid="certificate-price" aria-live="polite">
            {priceFen === null ? "—" : yuan(priceFen)}
          </strong>
        </Flex>
      }
    >
      <Space size={24} wrap className="section-gap">
        <span>证书有效期至：{certificate.notAfter ? formatDate(certificate.notAfter) : "未知"}</span>
        <span>证书厂商：{certificate.vendor}</span>
        <span>{certificate.categoryName}</span>
      </Space>
      <Typography.Paragraph strong>选择应用平台</Typography.Paragraph>
      <Checkbox.Group
        className="platform-grid"
        role="group"
        aria-label={`${certificate.holderName} 的应用平台`}
        value={chosen}
        onChange={(values) => onChange(values as string[])}
      >
        {platforms.map((platform) => {
          const dropped = certificate.platformCodes.includes(platform.code) && !chosen.includes(platform.code);
          return (
            <span key={platform.code} className="platform-choice">
              <Checkbox value={platform.code}>{platform.name}</Checkbox>
              {dropped && (
                <Tag color="red" data-testid="platform-dropped">
                  将取消关联
                </Tag>
              )}
            </span>
          );
        })}
      </Checkbox.Group>
    </Card>
  );
}
