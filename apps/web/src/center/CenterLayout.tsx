import {
  ApartmentOutlined,
  FileTextOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Layout, Menu, type MenuProps, Space, Tag } from "antd";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLogout } from "../api/auth";
import { BrandMark } from "../layout/BrandMark";
import { LogoutButton } from "../layout/LogoutButton";
import { displayName, identityLabel } from "../shared/roles";
import { useCurrentUser } from "./useCurrentUser";

/** 个人中心 shell: who is logged in, as which identity, and what that identity may open. */
export function CenterLayout() {
  const { user, identity } = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const isAdmin = identity?.role === "admin";

  const items: MenuProps["items"] = [
    { key: "/center", icon: <UserOutlined />, label: "个人信息" },
    { key: "/center/identity", icon: <SwapOutlined />, label: "切换身份" },
    // Enterprise information and staff are the administrator's alone (SPEC J2 permissions).
    ...(isAdmin
      ? [
          { key: "/center/enterprise", icon: <ShopOutlined />, label: "企业信息" },
          { key: "/center/staff", icon: <TeamOutlined />, label: "人员管理" },
        ]
      : []),
    {
      key: "ca",
      icon: <SafetyCertificateOutlined />,
      label: "CA 管理",
      children: [
        { key: "/center/ca", label: "CA 延期年检" },
        { key: "/center/ca/updates", label: "更新数字证书" },
      ],
    },
    { key: "/center/orders", icon: <ProfileOutlined />, label: "订单管理" },
    { key: "/center/invoices", icon: <FileTextOutlined />, label: "发票管理" },
  ];

  return (
    <Layout className="center-layout">
      <Layout.Header className="app-header">
        <BrandMark subtitle="个人中心" />
        <Space size={16} className="app-header-user">
          <span data-testid="center-user">
            <UserOutlined /> {displayName(user)}
          </span>
          {identity ? (
            <Tag
              icon={isAdmin ? <ApartmentOutlined /> : <IdcardOutlined />}
              color="blue"
              data-testid="current-identity"
            >
              {identityLabel(identity)}
            </Tag>
          ) : (
            <Tag>尚未选择身份</Tag>
          )}
          <LogoutButton logout={logout} redirectTo="/" />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} className="app-sider">
          <Menu
            mode="inline"
            selectedKeys={[selectedKey(items, pathname)]}
            defaultOpenKeys={pathname.startsWith("/center/ca") ? ["ca"] : []}
            items={items}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * The menu entry of a page: the longest entry its path starts with (编辑企业信息 is under 企业信息, 编辑个人信息 under
 * 个人信息, 选择应用平台 under CA 延期年检); entries of a submenu count as entries.
 */
function selectedKey(items: MenuProps["items"], pathname: string): string {
  const path = pathname.replace(/\/$/, "");
  const keys = (items ?? []).flatMap((item) =>
    item && "children" in item && item.children
      ? item.children.map((child) => String(child?.key))
      : [String(item?.key)],
  );
  const matches = keys.filter((key) => path === key || path.startsWith(`${key}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? path;
}
