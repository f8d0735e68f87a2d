import { Button, Card, Flex, Pagination, Skeleton, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useCertificateCategories, usePlatforms } from "../../api/catalog";
import { ErrorResult } from "../../shared/ErrorResult";
import { PageHeader } from "../../shared/PageHeader";
import { yuan } from "../../shared/yuan";
import { CertificatePlatformsCard } from "./CertificatePlatformsCard";
import { NoDraftResult } from "./NoDraftResult";
import { PlatformChoiceNote } from "./PlatformChoiceNote";
import { renewalPriceFen } from "./pricing";
import { RenewalSteps } from "./RenewalSteps";
import { choosePlatforms, platformsOf, useRenewalDraft } from "./renewalDraft";

// Hundreds of certificates would be thousands of checkboxes on one page.
const PAGE_SIZE = 10;

/**
 * 选择应用平台 (guide §四(二) step 3, 图 3): per certificate its platforms, the current ones preselected, each
 * dropped one marked; the price per certificate and 总价格 follow every tick.
 */
export function PlatformSelectionPage() {
  const navigate = useNavigate();
  const draft = useRenewalDraft();
  const platforms = usePlatforms();
  const categories = useCertificateCategories();
  const [page, setPage] = useState(1);

  const loadError = platforms.error ?? categories.error;
  const prices = new Map(
    draft.certificates.map((certificate) => [
      certificate.certificateId,
      renewalPriceFen(
        certificate.categoryCode,
        platformsOf(draft, certificate),
        categories.data ?? [],
        platforms.data ?? [],
      ),
    ]),
  );
  const totalFen = [...prices.values()].every((price) => price !== null)
    ? [...prices.values()].reduce<number>((sum, price) => sum + (price ?? 0), 0)
    : null;

  return (
    <>
      <PageHeader title="选择应用平台" description="根据实际业务情况勾选每张 CA 数字证书的关联平台。" />
      <RenewalSteps current={1} />
      {draft.certificates.length === 0 ? (
        <Card>
          <NoDraftResult />
        </Card>
      ) : loadError ? (
        <ErrorResult
          error={loadError}
          title="平台目录加载失败"
          onRetry={() => {
            void platforms.refetch();
            void categories.refetch();
          }}
        />
      ) : platforms.isPending || categories.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Card className="section-gap">
            <div className="renewal-total" aria-live="polite">
              总价格：<strong data-testid="renewal-total">{totalFen === null ? "—" : yuan(totalFen)}</strong>
              <span className="platform-fee">（共 {draft.certificates.length} 张证书）</span>
            </div>
          </Card>
          <PlatformChoiceNote />
          {draft.certificates.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((certificate) => (
            <CertificatePlatformsCard
              key={certificate.certificateId}
              certificate={certificate}
              platforms={platforms.data ?? []}
              chosen={platformsOf(draft, certificate)}
              priceFen={prices.get(certificate.certificateId) ?? null}
              onChange={(codes) => choosePlatforms(certificate.certificateId, codes)}
            />
          ))}
          <Pagination
            className="section-gap"
            align="end"
            hideOnSinglePage
            current={page}
            pageSize={PAGE_SIZE}
            total={draft.certificates.length}
            showSizeChanger={false}
            showTotal={(total) => `共 ${total} 张`}
            onChange={setPage}
          />
          <Flex justify="flex-end">
            <Space>
              <Button onClick={() => navigate("/center/ca")}>上一步</Button>
              <Button type="primary" onClick={() => navigate("/center/ca/renew/confirm")}>
                下一步
              </Button>
            </Space>
          </Flex>
        </>
      )}
    </>
  );
}
