import { paymentChannelLabels, paymentChannels } from "@lnca/contracts";
import { Card, Col, DatePicker, Row, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useDailyTotals } from "../../api/consoleOrders";
import { ErrorResult } from "../../shared/ErrorResult";
import { yuan } from "../../shared/yuan";
import { formatDate } from "../../time";

/** A day's takings per channel (paid count, amount, refunded), the day chosen with a date picker. */
export function DailyTotalsCard() {
  // Days are Beijing days, as the server counts them.
  const [date, setDate] = useState(() => formatDate(Date.now()));
  const totals = useDailyTotals(date);
  return (
    <Card
      className="section-gap"
      title="当日收款"
      loading={totals.isPending}
      extra={
        <DatePicker
          aria-label="选择日期"
          allowClear={false}
          value={dayjs(date)}
          onChange={(value) => value && setDate(value.format("YYYY-MM-DD"))}
        />
      }
    >
      {totals.isError ? (
        <ErrorResult error={totals.error} onRetry={() => void totals.refetch()} />
      ) : (
        <Row gutter={[24, 16]} data-testid="daily-totals">
          {paymentChannels.map((channel) => {
            const line = totals.data?.channels.find((c) => c.channel === channel);
            return (
              <Col xs={24} md={12} key={channel}>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  {paymentChannelLabels[channel]}
                </Typography.Title>
                <Row gutter={16}>
                  <Col span={8}>
                    <Statistic title="支付笔数" value={line?.paidCount ?? 0} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="收款金额" value={yuan(line?.paidFen ?? 0)} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="退款金额" value={yuan(line?.refundedFen ?? 0)} />
                  </Col>
                </Row>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
