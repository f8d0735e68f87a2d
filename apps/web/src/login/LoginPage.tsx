import { IdcardOutlined, MobileOutlined } from "@ant-design/icons";
import type { CaLoginResponse } from "@lnca/contracts";
import { Card, Tabs, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { useSession } from "../api/auth";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { BindingForm } from "./BindingForm";
import { CaLoginTab } from "./CaLoginTab";
import { SmsLoginTab } from "./SmsLoginTab";
import type { BindingRequired } from "./useCaLogin";

/** Where to go after login: back to the page that sent the user here, else 个人中心. */
function useReturnPath(): string {
  const state = useLocation().state as { from?: string } | null;
  return state?.from?.startsWith("/center") ? state.from : "/center";
}

export function LoginPage() {
  useDocumentTitle("登录");
  const navigate = useNavigate();
  const session = useSession();
  const returnPath = useReturnPath();
  const [binding, setBinding] = useState<BindingRequired | null>(null);
  const [tab, setTab] = useState("ca");

  const done = () => navigate(returnPath, { replace: true });

  function onCaResult(result: CaLoginResponse) {
    if (result.status === "logged_in") done();
    else setBinding(result);
  }

  // Already logged in (e.g. the back button after login): nothing to do here.
  if (session.data && !binding) return <Navigate to={returnPath} replace />;

  return (
    <div className="login-page">
      <div className="login-panel">
        {binding ? (
          <BindingForm binding={binding} onBound={done} onRestart={() => setBinding(null)} />
        ) : (
          <Card className="login-card">
            <Typography.Title level={1} className="login-title">
              用户登录
            </Typography.Title>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              centered
              // Unmounting the CA tab stops its keybridge polling while the user logs in by SMS.
              destroyOnHidden
              items={[
                {
                  key: "ca",
                  label: (
                    <span>
                      <IdcardOutlined /> CA 登录
                    </span>
                  ),
                  children: <CaLoginTab onResult={onCaResult} />,
                },
                {
                  key: "sms",
                  label: (
                    <span>
                      <MobileOutlined /> 手机号登录
                    </span>
                  ),
                  children: <SmsLoginTab onLoggedIn={done} />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" className="login-footnote">
              首次使用请通过【CA 登录】绑定账号，一锁一人一账号。已在网联老平台办理过 CA
              数字证书业务的用户无需重新注册。
            </Typography.Paragraph>
          </Card>
        )}
      </div>
    </div>
  );
}
