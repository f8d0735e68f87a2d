import { LoginOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useNavigate } from "react-router-dom";
import { useSession } from "../api/auth";

export function HomeHero() {
  const navigate = useNavigate();
  const session = useSession();
  const loggedIn = Boolean(session.data);

  return (
    <section className="hero">
      <div className="container hero-row">
        <div className="hero-copy">
          <h1>CA 数字证书一站式服务</h1>
          <p className="hero-lead">
            一把 CA 锁，互联互通辽宁省各交易平台。在线完成 CA 登录、信息审核、CA
            延期年检、在线支付、电子发票与自助年检。
          </p>
          <p className="hero-note">
            已在网联老平台办理过 CA 数字证书业务的用户，无需重新注册，使用 CA 锁直接登录并绑定账号。
          </p>
          <Space size={16} wrap>
            {loggedIn ? (
              <Button type="primary" size="large" className="hero-button" onClick={() => navigate("/center")}>
                进入个人中心
              </Button>
            ) : (
              <Button
                type="primary"
                size="large"
                className="hero-button"
                icon={<LoginOutlined />}
                data-testid="hero-login"
                onClick={() => navigate("/login")}
              >
                立即登录
              </Button>
            )}
            <Button size="large" ghost onClick={() => navigate("/#price")}>
              价格查询
            </Button>
          </Space>
        </div>
        <div className="hero-art" aria-hidden="true">
          <div className="hero-art-ring">
            <SafetyCertificateOutlined />
          </div>
          <div className="hero-art-caption">一锁一人一账号</div>
        </div>
      </div>
    </section>
  );
}
