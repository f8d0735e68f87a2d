import { REGISTRY_CSV_EXAMPLE } from "@lnca/contracts";
import { Descriptions, Typography } from "antd";

/** Explains the import format, so operators can prepare the old platform's export. */
export function RegistryColumns() {
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: "serial", label: "serial", children: "证书序列号（十六进制）" },
          { key: "issuer", label: "issuer", children: "证书颁发者（证书厂商）" },
          { key: "holder", label: "holder", children: "持证人或持证单位名称" },
          { key: "uscc", label: "enterprise_uscc", children: "所属企业统一社会信用代码（个人锁可为空）" },
          {
            key: "category",
            label: "category",
            children:
              "CA 证类别编码：unit_main 单位(机构)主锁、project_lead 项目负责人锁、authorized_agent 授权委托人锁、cost_engineer 造价师锁",
          },
          { key: "platforms", label: "platforms", children: "关联平台编码，多个平台用 | 分隔" },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: "12px 0 4px" }}>
        示例（第一行为表头；平台编码见【目录管理】→【应用平台】）：
      </Typography.Paragraph>
      <pre className="csv-example">{REGISTRY_CSV_EXAMPLE}</pre>
    </>
  );
}
