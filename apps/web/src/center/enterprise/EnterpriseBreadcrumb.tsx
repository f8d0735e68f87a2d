import { Breadcrumb } from "antd";
import { Link } from "react-router-dom";

/** 企业主页 / 企业基本信息 (guide §三 图 2), and the edit page under it. */
export function EnterpriseBreadcrumb({ editing = false }: { editing?: boolean }) {
  return (
    <Breadcrumb
      className="section-gap"
      items={[
        { key: "home", title: <Link to="/center">企业主页</Link> },
        {
          key: "information",
          title: editing ? <Link to="/center/enterprise">企业基本信息</Link> : "企业基本信息",
        },
        ...(editing ? [{ key: "edit", title: "编辑企业信息" }] : []),
      ]}
    />
  );
}
