import { Link } from "react-router-dom";
import { usePublicConfig } from "../api/config";

export function PortalFooter() {
  const config = usePublicConfig();
  return (
    <footer className="portal-footer">
      <div className="container portal-footer-row">
        <div>
          <div className="portal-footer-name">辽宁省网联综合服务平台 · CA 互联互通服务平台（辽宁版）</div>
          <div className="portal-footer-note">
            服务至上 · 价值第一　|　一锁一人一账号　|　建议使用火狐或谷歌浏览器访问
          </div>
        </div>
        <div className="portal-footer-links">
          <Link to="/downloads">下载中心</Link>
          <Link to="/#price">价格查询</Link>
          <Link to="/console/login">运营后台</Link>
          {config.data && <span>版本 {config.data.version}</span>}
        </div>
      </div>
    </footer>
  );
}
