import { NotificationOutlined } from "@ant-design/icons";
import { Card } from "antd";

/** The notes printed at the top of the guide; every new user needs them before the first login. */
export function NoticeBox() {
  return (
    <Card
      className="notice-box"
      title={
        <span>
          <NotificationOutlined /> 温馨提示
        </span>
      }
    >
      <ol className="notice-list">
        <li>请使用火狐或谷歌浏览器登录本平台，通过首页点击【立即登录】→【CA 登录】进行账号绑定。</li>
        <li>
          已在网联老平台办理过 CA 数字证书业务的用户，无需在新平台重新注册，可使用已经办理的 CA
          数字证书登录网联新平台，进行账号绑定。
        </li>
        <li>账号绑定原则为一锁一人一账号，实现个人账号独立。</li>
        <li>CA 主锁登录：填写的手机号码将作为管理员在网联新平台的登录账号。</li>
        <li>CA 个人锁登录：填写的手机号码将作为持锁人本人在网联新平台的登录账号。</li>
        <li>
          CA 数字证书续费的前提：个人信息已完善且企业信息已审核通过，并已安装运行 CA 互联互通(辽宁版) 驱动（拓展程序）。
        </li>
      </ol>
    </Card>
  );
}
