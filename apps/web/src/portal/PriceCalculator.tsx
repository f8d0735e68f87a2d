import { formatYuan } from "@lnca/contracts";
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Form, Radio, Row, Skeleton, Spin, Typography } from "antd";
import { useMemo, useState } from "react";
import { useCertificateCategories, usePlatforms, useQuote } from "../api/catalog";
import { ErrorResult } from "../shared/ErrorResult";
import { PriceBreakdown } from "./PriceBreakdown";

/** Public price calculator: CA 证类别 + 应用平台 → price from the server's quote (the server owns pricing). */
export function PriceCalculator() {
  const categories = useCertificateCategories();
  const platforms = usePlatforms();
  const [chosenCategory, setChosenCategory] = useState<string | null>(null);
  const [platformCodes, setPlatformCodes] = useState<string[]>([]);

  const categoryCode = chosenCategory ?? categories.data?.[0]?.code ?? null;
  const request = useMemo(
    () => (categoryCode && platformCodes.length > 0 ? { items: [{ categoryCode, platformCodes }] } : null),
    [categoryCode, platformCodes],
  );
  const quote = useQuote(request);

  const allPlatformCodes = platforms.data?.map((platform) => platform.code) ?? [];
  const allChecked = allPlatformCodes.length > 0 && platformCodes.length === allPlatformCodes.length;

  const loading = categories.isPending || platforms.isPending;
  const loadError = categories.error ?? platforms.error;

  return (
    <section className="home-section" id="price" aria-labelledby="price-title">
      <h2 id="price-title" className="section-title">
        价格查询
      </h2>
      <Card className="price-card">
        {loading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : loadError ? (
          <ErrorResult
            error={loadError}
            title="价格目录加载失败"
            onRetry={() => {
              void categories.refetch();
              void platforms.refetch();
            }}
          />
        ) : (
          <Row gutter={[32, 24]}>
            <Col xs={24} lg={15}>
              <Form layout="vertical">
                <Form.Item label="选择 CA 证类别">
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={categoryCode}
                    onChange={(event) => setChosenCategory(event.target.value as string)}
                    options={categories.data?.map((category) => ({ label: category.name, value: category.code }))}
                  />
                </Form.Item>
                <Form.Item
                  label={
                    <Flex gap={16} align="center">
                      <span>选择应用平台</span>
                      <Checkbox
                        checked={allChecked}
                        indeterminate={platformCodes.length > 0 && !allChecked}
                        onChange={(event) => setPlatformCodes(event.target.checked ? allPlatformCodes : [])}
                      >
                        全选
                      </Checkbox>
                    </Flex>
                  }
                >
                  {platforms.data?.length === 0 ? (
                    <Empty description="暂无应用平台" />
                  ) : (
                    <Checkbox.Group
                      className="platform-grid"
                      value={platformCodes}
                      onChange={(values) => setPlatformCodes(values as string[])}
                    >
                      {platforms.data?.map((platform) => (
                        <Checkbox key={platform.code} value={platform.code}>
                          {platform.name}
                          <span className="platform-fee">{formatYuan(platform.feeFen)} 元</span>
                        </Checkbox>
                      ))}
                    </Checkbox.Group>
                  )}
                </Form.Item>
              </Form>
            </Col>
            <Col xs={24} lg={9}>
              <div className="price-summary" aria-live="polite">
                <Typography.Text strong>费用明细</Typography.Text>
                {request === null ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请至少选择一个应用平台" />
                ) : quote.isError && !quote.isFetching ? (
                  <Alert
                    type="error"
                    showIcon
                    title={quote.error.message}
                    action={
                      <Button size="small" onClick={() => void quote.refetch()}>
                        重试
                      </Button>
                    }
                  />
                ) : (
                  <Spin spinning={quote.isFetching} description="计算中…">
                    <PriceBreakdown
                      category={categories.data?.find((category) => category.code === categoryCode)}
                      platforms={platforms.data?.filter((platform) => platformCodes.includes(platform.code)) ?? []}
                      totalFen={quote.data?.totalFen}
                    />
                  </Spin>
                )}
              </div>
            </Col>
          </Row>
        )}
      </Card>
    </section>
  );
}
