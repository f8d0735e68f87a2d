import { Card, Tabs } from "antd";
import { useNavigate } from "react-router-dom";
import { PageHeader } from "../shared/PageHeader";
import { KeyUpdatesPanel } from "./renewal/KeyUpdatesPanel";
import { RenewableCertificatesPanel } from "./renewal/RenewableCertificatesPanel";

const TABS = {
  renew: { path: "/center/ca", label: "CA 延期年检" },
  updates: { path: "/center/ca/updates", label: "更新数字证书" },
} as const;

/**
 * 【CA 管理】: 【CA 延期年检】 (choose certificates to renew and pay) and 【更新数字证书】 (write paid renewals to
 * the key). Each tab has its own address so the menu and the browser's back button reach it.
 */
export function CaManagementPage({ tab }: { tab: keyof typeof TABS }) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="CA 管理"
        description="CA 数字证书续费的前提：个人信息已完善且企业信息已审核通过。管理员可为本企业人员批量或单独办理延期，企业个人也可自行办理。"
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(TABS[key as keyof typeof TABS].path)}
          items={Object.entries(TABS).map(([key, { label }]) => ({
            key,
            label,
            children: key === tab ? key === "renew" ? <RenewableCertificatesPanel /> : <KeyUpdatesPanel /> : null,
          }))}
        />
      </Card>
    </>
  );
}
