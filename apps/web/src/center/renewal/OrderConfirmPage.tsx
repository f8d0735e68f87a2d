import { Alert, Button, Card, Flex, Skeleton, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useCertificateCategories, usePlatforms } from "../../api/catalog";
import { isApiError } from "../../api/client";
import { useCreateRenewalOrder } from "../../api/renewals";
import { PageHeader } from "../../shared/PageHeader";
import { yuan } from "../../shared/yuan";
import { NoDraftResult } from "./NoDraftResult";
import { OpenOrderAlert } from "./OpenOrderAlert";
import { ProductSummary } from "./ProductSummary";
import { renewalPriceFen } from "./pricing";
import { RenewalItemCard } from "./RenewalItemCard";
import { RenewalSteps } from "./RenewalSteps";
import { clearRenewalDraft, platformsOf, useRenewalDraft } from "./renewalDraft";

/**
 * 订单确认 (guide §四(二) step 4, 图 4). The prices shown are the catalog's of now; 【提交订单】 has the server price
 * the order and keep those prices, and the payment page shows them.
 */
export function OrderConfirmPage() {
  const navigate = useNavigate();
  const draft = useRenewalDraft();
  const platforms = usePlatforms();
  const categories = useCertificateCategories();
  const create = useCreateRenewalOrder();

  if (draft.certificates.length === 0) {
    return (
      <>
        <PageHeader title="订单确认" />
        <RenewalSteps current={2} />
        <Card>
          <NoDraftResult />
        </Card>
      </>
    );
  }

  const items = draft.certificates.map((certificate) => {
    const platformCodes = platformsOf(draft, certificate);
    return {
      certificate,
      platformCodes,
      priceFen: renewalPriceFen(certificate.categoryCode, platformCodes, categories.data ?? [], platforms.data ?? []),
    };
  });
  const totalFen = items.every((item) => item.priceFen !== null)
    ? items.reduce((sum, item) => sum + (item.priceFen ?? 0), 0)
    : null;

  const submit = () =>
    create.mutate(
      {
        request: {
          items: items.map(({ certificate, platformCodes }) => ({
            certificateId: certificate.certificateId,
            platformCodes,
          })),
        },
        idempotencyKey: draft.idempotencyKey,
      },
      {
        onSuccess: (order) => {
          clearRenewalDraft();
          navigate(`/center/orders/${order.id}/pay`, { replace: true });
        },
      },
    );

  const holderOf = (id: string) => draft.certificates.find((c) => c.certificateId === id)?.holderName;
  return (
    <>
      <PageHeader title="订单确认" description="确认相关信息后点击【提交订单】。" />
      <RenewalSteps current={2} />
      {create.error &&
        (isApiError(create.error, "RENEWAL_CERTIFICATE_IN_OPEN_ORDER") ? (
          <OpenOrderAlert error={create.error} holderOf={holderOf} />
        ) : (
          <Alert type="error" showIcon className="section-gap" title={create.error.message} />
        ))}
      <Card title="商品信息" className="section-gap">
        {platforms.isPending || categories.isPending ? (
          <Skeleton active />
        ) : (
          <ProductSummary quantity={items.length} totalFen={totalFen} />
        )}
      </Card>
      <Card title="CA延期年检详情" className="section-gap">
        {items.map(({ certificate, platformCodes, priceFen }) => (
          <RenewalItemCard
            key={certificate.certificateId}
            item={{ ...certificate, priceFen, previousPlatformCodes: certificate.platformCodes, platformCodes }}
          />
        ))}
      </Card>
      <Flex justify="flex-end" align="center" gap={24} wrap>
        <Typography.Text className="renewal-total">
          应付金额：<strong data-testid="amount-payable">{totalFen === null ? "—" : yuan(totalFen)}</strong>
        </Typography.Text>
        <Space>
          <Button onClick={() => navigate("/center/ca/renew/platforms")} disabled={create.isPending}>
            上一步
          </Button>
          <Button type="primary" size="large" loading={create.isPending} onClick={submit}>
            提交订单
          </Button>
        </Space>
      </Flex>
    </>
  );
}
