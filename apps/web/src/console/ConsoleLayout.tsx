import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  LogoutOutlined,
  MessageOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { App, Button, Layout, Menu, type MenuProps, Space, Tag } from "antd";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client";
import { useConsoleLogout, useStaffSession } from "../api/console";
import { BrandMark } from "../layout/BrandMark";

const STAFF_ROLES = { reviewer: "审核员", operator: "运营" } as const;

const MENU: MenuProps["items"] = [
  { key: "/console/review", icon: <AuditOutlined />, label: "审核队列" },
  { key: "/console/catalog", icon: <AppstoreOutlined />, label: "目录管理" },
  { key: "/console/orders", icon: <AccountBookOutlined />, label: "订单与支付" },
  { key: "/console/invoices", icon: <FileTextOutlined />, label: "发票管理" },
  { key: "/console/registry", icon: <DatabaseOutlined />, label: "证书名录" },
  { key: "/console/sms-outbox", icon: <MessageOutlined />, label: "短信发件箱" },
  { key: "/console/downloads", icon: <CloudDownloadOutlined />, label: "下载中心" },
];

export function ConsoleLayout() {
  const session = useStaffSession();
  const staff = session.data;
  const logout = useConsoleLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { message } = App.useApp();

  async function onLogout() {
    try {
      await logout.mutateAsync();
    } catch (error) {
      message.error(errorMessage(error));
      return;
    }
    // A full page load drops every cached answer that belonged to this session.
    window.location.replace("/console/login");
  }

  return (
    <Layout className="console-layout">
      <Layout.Header className="app-header console-header">
        <BrandMark subtitle="运营后台" to="/console" inverted />
        <Space size={16} className="app-header-user">
          {staff && (
            <span data-testid="console-staff">
              <UserOutlined /> {staff.displayName}
              <Tag color="gold" style={{ marginLeft: 8 }}>
                {STAFF_ROLES[staff.role]}
              </Tag>
            </span>
          )}
          <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => void onLogout()}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} className="app-sider">
          <Menu mode="inline" selectedKeys={[pathname]} items={MENU} onClick={({ key }) => navigate(key)} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
