import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../shared/useDocumentTitle";

export function NotFoundPage() {
  useDocumentTitle("页面不存在");
  const navigate = useNavigate();
  return (
    <div className="container page-body">
      <Result
        status="404"
        title={<h1>页面不存在</h1>}
        subTitle="您访问的页面不存在或已被移除，请检查网址是否正确。"
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            返回首页
          </Button>
        }
      />
    </div>
  );
}
