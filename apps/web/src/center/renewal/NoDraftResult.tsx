import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

/** A step of the renewal opened without certificates chosen (a bookmark, another tab). */
export function NoDraftResult() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title="请先选择需要延期的 CA 数字证书"
      extra={
        <Button type="primary" onClick={() => navigate("/center/ca")}>
          去选择证书
        </Button>
      }
    />
  );
}
