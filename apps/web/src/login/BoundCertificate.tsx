import { Alert, Descriptions } from "antd";
import { useCertificateCategories } from "../api/catalog";
import { formatDate } from "../time";
import type { BindingRequired } from "./useCaLogin";

/** What the server read from the certificate the user just logged in with. */
export function BoundCertificate({ certificate }: { certificate: BindingRequired["certificate"] }) {
  const categories = useCertificateCategories();
  const organization = certificate.holderKind === "organization";
  // The certificate carries the category code; show its catalog name when the catalog knows it.
  const categoryName =
    categories.data?.find((category) => category.code === certificate.category)?.name ?? certificate.category;

  return (
    <>
      {certificate.knownFromRegistry && (
        <Alert
          type="success"
          showIcon
          title="已在老平台办理，无需重新注册"
          description="您的 CA 数字证书已在网联老平台办理，完成账号绑定即可使用新平台。"
          style={{ marginBottom: 16 }}
          data-testid="known-from-registry"
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        className="bound-certificate"
        items={[
          {
            key: "holder",
            label: organization ? "持证单位" : "持证人",
            children: organization ? (certificate.enterpriseName ?? certificate.holderName) : certificate.holderName,
          },
          { key: "kind", label: "证书类型", children: organization ? "主锁" : "个人锁" },
          { key: "category", label: "证书类别", children: categoryName ?? "—" },
          { key: "vendor", label: "证书厂商", children: certificate.vendor ?? "—" },
          ...(certificate.uscc ? [{ key: "uscc", label: "统一社会信用代码", children: certificate.uscc }] : []),
          {
            key: "notAfter",
            label: "有效期至",
            children: formatDate(certificate.notAfter),
          },
        ]}
      />
    </>
  );
}
