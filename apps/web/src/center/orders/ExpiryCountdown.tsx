import { Statistic, Typography } from "antd";
import { useState } from "react";

/**
 * Time left to pay an unpaid order before it expires and frees its certificates. `onExpired` lets the page read
 * the order again (the server decides; the clock here only says when to look).
 */
export function ExpiryCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired?: () => void }) {
  const deadline = Date.parse(expiresAt);
  const [over, setOver] = useState(() => deadline <= Date.now());
  if (over) return <Typography.Text type="danger">已超过支付期限</Typography.Text>;
  return (
    <Statistic.Timer
      type="countdown"
      value={deadline}
      format="HH:mm:ss"
      styles={{ content: { fontSize: 14, color: "#cf1322" } }}
      onFinish={() => {
        setOver(true);
        onExpired?.();
      }}
    />
  );
}
