import {
  AccountBookOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  IdcardOutlined,
  MailOutlined,
  MessageOutlined,
  SendOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Layout, Menu, type MenuProps, Space, Tag } from "antd";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useConsoleLogout, useStaffSession } from "../api/console";
import { BrandMark } from "../layout/BrandMark";
import { LogoutButton } from "../layout/LogoutButton";
import { type ConsolePermission, useStaffCan } from "./StaffOnly";

const STAFF_ROLES = { reviewer: "审核员", operator: "运营" } as const;

type MenuEntry = NonNullable<MenuProps["items"]>[number] & { key: string; permission?: ConsolePermission };

/** Entries without a permission are the later-version pages every staff role sees. */
const MENU: MenuEntry[] = [
  { key: "/console/review", icon: <AuditOutlined />, label: "审核队列", permission: "console.enterprise_review.read" },
  {
    key: "/console/admin-applications",
    icon: <IdcardOutlined />,
    label: "管理员申请",
    permission: "console.admin_application.read",
  },
  { key: "/console/catalog", icon: <AppstoreOutlined />, label: "目录管理", permission: "console.catalog.read" },
  { key: "/console/orders", icon: <AccountBookOutlined />, label: "订单与支付" },
  { key: "/console/invoices", icon: <FileTextOutlined />, label: "发票管理", permission: "console.invoice.read" },
  { key: "/console/registry", icon: <DatabaseOutlined />, label: "证书名录", permission: "console.registry.import" },
  { key: "/console/interop", icon: <ApiOutlined />, label: "平台互通", permission: "console.interop.read" },
  {
    key: "/console/webhook-deliveries",
    icon: <SendOutlined />,
    label: "投递记录",
    permission: "console.interop.read",
  },
  { key: "/console/sms-outbox", icon: <MessageOutlined />, label: "短信发件箱", permission: "console.sms_outbox.read" },
  { key: "/console/mail-outbox", icon: <MailOutlined />, label: "邮件发件箱", permission: "console.mail_outbox.read" },
  { key: "/console/downloads", icon: <CloudDownloadOutlined />, label: "下载中心" },
];

function useVisibleMenu(): MenuEntry[] {
  const can = useStaffCan();
  return MENU.filter((entry) => !entry.permission || can(entry.permission));
}

/** /console opens the first page this role may use (审核队列 for reviewers), not a 403. */
export function ConsoleHome() {
  const [first] = useVisibleMenu();
  return <Navigate to={first?.key ?? "/console/downloads"} replace />;
}

export function ConsoleLayout() {
  const session = useStaffSession();
  const staff = session.data;
  const logout = useConsoleLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = useVisibleMenu();
  const menu = visible.map(({ permission: _, ...entry }) => entry);
  // A page below an entry (a revision under 审核队列) keeps its entry selected.
  const selected = visible
    .filter(({ key }) => pathname === key || pathname.startsWith(`${key}/`))
    .map(({ key }) => key);

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
          <LogoutButton logout={logout} redirectTo="/console/login" />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} className="app-sider">
          <Menu mode="inline" selectedKeys={selected} items={menu} onClick={({ key }) => navigate(key)} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
