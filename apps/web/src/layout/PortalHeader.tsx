import { UserOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { Link, NavLink, useLocation, useNavigate } from "react-router-dom";
import { useSession } from "../api/auth";
import { displayName } from "../shared/roles";
import { BrandMark } from "./BrandMark";

/** Public header: brand, the guide's navigation and either 【立即登录】 or the logged-in user. */
export function PortalHeader() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const user = session.data;
  // 价格查询 is a section of the home page, so NavLink alone cannot tell it from 首页.
  const onPrice = location.pathname === "/" && location.hash === "#price";

  return (
    <header className="portal-header">
      <div className="portal-header-top">
        <div className="container portal-header-row">
          <BrandMark />
          <div className="portal-slogan">服务至上 · 价值第一</div>
        </div>
      </div>
      <nav className="portal-nav" aria-label="主导航">
        <div className="container portal-nav-row">
          <div className="portal-nav-links">
            <NavLink to="/" end className={({ isActive }) => (isActive && !onPrice ? "active" : undefined)}>
              首页
            </NavLink>
            <Link to="/#price" className={onPrice ? "active" : undefined}>
              价格查询
            </Link>
            <NavLink to="/downloads">下载中心</NavLink>
          </div>
          <div className="portal-nav-user">
            {user ? (
              <Space size={12}>
                <span className="portal-user-name">
                  <UserOutlined /> {displayName(user)}
                </span>
                <Button size="small" ghost onClick={() => navigate("/center")}>
                  个人中心
                </Button>
              </Space>
            ) : (
              !session.isPending && (
                <Button size="small" className="portal-login-button" onClick={() => navigate("/login")}>
                  立即登录
                </Button>
              )
            )}
          </div>
        </div>
      </nav>
    </header>
  );
}
