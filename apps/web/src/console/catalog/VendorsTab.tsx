import type { ConsoleVendor } from "@lnca/contracts";
import { Button, Space, Tag } from "antd";
import { useState } from "react";
import { useConsoleVendors } from "../../api/consoleVendors";
import { QueryTable } from "../QueryTable";
import { useStaffCan } from "../StaffOnly";
import { TrustedCertificatesModal } from "./TrustedCertificatesModal";
import { VendorModal } from "./VendorModal";

/** 证书厂商: each vendor with the CA adapter that renews its certificates, its EST URL and trusted roots. */
export function VendorsTab() {
  const vendors = useConsoleVendors();
  const canManage = useStaffCan()("console.catalog.manage");
  const [editing, setEditing] = useState<ConsoleVendor | "new" | null>(null);
  const [trustOf, setTrustOf] = useState<ConsoleVendor | null>(null);

  return (
    <>
      {canManage && (
        <Button type="primary" className="section-gap" onClick={() => setEditing("new")}>
          新增证书厂商
        </Button>
      )}
      <QueryTable<ConsoleVendor>
        testId="catalog-vendors"
        query={vendors}
        rowKey="code"
        emptyText="暂无证书厂商"
        columns={[
          { title: "厂商名称", dataIndex: "name" },
          { title: "编码", dataIndex: "code", width: 140 },
          {
            title: "证书更新方式",
            dataIndex: "adapter",
            width: 150,
            render: (adapter: ConsoleVendor["adapter"]) =>
              adapter === "est" ? <Tag color="blue">EST</Tag> : <Tag>平台内置 CA</Tag>,
          },
          { title: "EST 地址", dataIndex: "estUrl", ellipsis: true, render: (url: string | null) => url ?? "—" },
          {
            title: "操作",
            key: "actions",
            width: 180,
            render: (_: unknown, vendor) => (
              <Space>
                <Button type="link" size="small" onClick={() => setTrustOf(vendor)}>
                  信任证书
                </Button>
                {canManage && (
                  <Button type="link" size="small" onClick={() => setEditing(vendor)}>
                    编辑
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <VendorModal vendor={editing === "new" ? null : editing} open onClose={() => setEditing(null)} />
      )}
      {trustOf && <TrustedCertificatesModal vendor={trustOf} canManage={canManage} onClose={() => setTrustOf(null)} />}
    </>
  );
}
