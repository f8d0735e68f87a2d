import { Space, Tag, Typography } from "antd";
import { formatDate } from "../../time";

/** Certificates this close to expiry are called out (the list's 「即将到期」 filter uses the same bound). */
export const EXPIRING_SOON_DAYS = 30;

export const isExpiringSoon = (daysLeft: number | null) => daysLeft !== null && daysLeft <= EXPIRING_SOON_DAYS;

/** 到期时间 with the days left, highlighted near expiry and once expired. */
export function ExpiryCell({ notAfter, daysLeft }: { notAfter: string | null; daysLeft: number | null }) {
  if (!notAfter) return <Typography.Text type="secondary">未知</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{formatDate(notAfter)}</span>
      {daysLeft !== null &&
        (daysLeft < 0 ? (
          <Tag color="red">已过期 {-daysLeft} 天</Tag>
        ) : isExpiringSoon(daysLeft) ? (
          <Tag color="warning">剩余 {daysLeft} 天</Tag>
        ) : (
          <Typography.Text type="secondary">剩余 {daysLeft} 天</Typography.Text>
        ))}
    </Space>
  );
}
