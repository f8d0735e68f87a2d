import { ReloadOutlined } from "@ant-design/icons";
import { Button, Result } from "antd";
import { errorMessage } from "../api/client";

interface ErrorResultProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed load: says what went wrong (the server's message) and offers to try again. */
export function ErrorResult({ error, title = "加载失败", onRetry }: ErrorResultProps) {
  return (
    <Result
      status="warning"
      title={title}
      subTitle={errorMessage(error)}
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
