import { Space, Tag, Typography } from "antd";
import { usePlatforms } from "../api/catalog";

interface PlatformNamesProps {
  codes: string[];
  /** Names already known (an order's 现关联平台 carries them); the catalog names the rest. */
  names?: Record<string, string>;
  /** Platforms of `codes` to mark as dropped (原关联平台 no longer ticked). */
  dropped?: string[];
}

/** Platform codes shown by their names, in the catalog's order. */
export function PlatformNames({ codes, names, dropped = [] }: PlatformNamesProps) {
  const platforms = usePlatforms();
  if (codes.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  const order = new Map(platforms.data?.map((platform, index) => [platform.code, index]));
  const sorted = [...codes].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
  const nameOf = (code: string) =>
    names?.[code] ?? platforms.data?.find((platform) => platform.code === code)?.name ?? code;
  return (
    <Space size={[4, 4]} wrap>
      {sorted.map((code) =>
        dropped.includes(code) ? (
          <Tag key={code} color="red" title="该平台将于证书更新成功之日起停止使用">
            <del>{nameOf(code)}</del>（将取消关联）
          </Tag>
        ) : (
          <Tag key={code}>{nameOf(code)}</Tag>
        ),
      )}
    </Space>
  );
}
