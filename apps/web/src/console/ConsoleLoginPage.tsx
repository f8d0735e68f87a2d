import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client";
import { useConsoleLogin, useStaffSession } from "../api/console";
import { BrandMark } from "../layout/BrandMark";
import { useDocumentTitle } from "../shared/useDocumentTitle";

interface ConsoleLoginValues {
  username: string;
  password: string;
}

/** 运营后台登录 for the operator's reviewers and operators. */
export function ConsoleLoginPage() {
  useDocumentTitle("运营后台登录");
  const navigate = useNavigate();
  const session = useStaffSession();
  const login = useConsoleLogin();
  const [error, setError] = useState<string | null>(null);

  if (session.data) return <Navigate to="/console" replace />;

  async function submit(values: ConsoleLoginValues) {
    setError(null);
    try {
      await login.mutateAsync({ username: values.username.trim(), password: values.password });
      navigate("/console", { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <main className="console-login">
      <div className="console-login-brand">
        <BrandMark subtitle="运营后台" inverted />
      </div>
      <Card className="console-login-card">
        <Typography.Title level={1} className="login-title">
          运营后台登录
        </Typography.Title>
        <Form<ConsoleLoginValues>
          layout="vertical"
          requiredMark={false}
          validateTrigger="onChange"
          onFinish={(values) => void submit(values)}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
          >
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="console-login-error" />
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
      <div className="console-login-foot">仅限平台运营人员使用</div>
    </main>
  );
}
