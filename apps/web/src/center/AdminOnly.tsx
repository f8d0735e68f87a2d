import { Result } from "antd";
import type { ReactNode } from "react";
import { useCurrentUser } from "./useCurrentUser";

/** 企业信息 and 人员管理 belong to the enterprise administrator alone (guide §一 注 3). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { identity } = useCurrentUser();
  if (identity?.role === "admin") return children;
  return (
    <Result
      status="403"
      title={<h1>仅企业管理员可访问</h1>}
      subTitle="管理员拥有企业信息、人员管理等功能的操作权限。请在【切换身份】中切换为管理员身份后再试。"
    />
  );
}
