import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useDocumentTitle } from "./useDocumentTitle";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}

/** Title bar of a back-office page (个人中心, 运营后台); also names the browser tab. */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" gap={16} wrap>
      <div>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {extra}
    </Flex>
  );
}
