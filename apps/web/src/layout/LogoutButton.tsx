import { LogoutOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { errorMessage } from "../api/client";

interface LogoutMutation {
  mutateAsync(): Promise<unknown>;
  isPending: boolean;
}

/** 退出登录 for the portal and the console: ends the session, then reloads at `redirectTo`. */
export function LogoutButton({ logout, redirectTo }: { logout: LogoutMutation; redirectTo: string }) {
  const { message } = App.useApp();

  async function onLogout() {
    try {
      await logout.mutateAsync();
    } catch (error) {
      message.error(errorMessage(error));
      return;
    }
    // A full page load drops every cached answer that belonged to this session.
    window.location.replace(redirectTo);
  }

  return (
    <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => void onLogout()}>
      退出登录
    </Button>
  );
}
