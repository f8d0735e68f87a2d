import { Spin } from "antd";

export function FullPageSpin({ description = "加载中…" }: { description?: string }) {
  return (
    <div className="full-page-spin">
      <Spin size="large" description={description} />
    </div>
  );
}
