import type { CertificateCategory, Platform } from "@lnca/contracts";
import { formatYuan } from "@lnca/contracts";
import { Card, Tabs } from "antd";
import { type ServicePoint, useCertificateCategories, usePlatforms, useServicePoints } from "../api/catalog";
import { PageHeader } from "../shared/PageHeader";
import { VendorsTab } from "./catalog/VendorsTab";
import { QueryTable } from "./QueryTable";

/** 目录管理: the catalog that drives prices, login trust and how each vendor's certificates are renewed. */
export function CatalogPage() {
  const platforms = usePlatforms();
  const categories = useCertificateCategories();
  const servicePoints = useServicePoints();

  return (
    <>
      <PageHeader
        title="目录管理"
        description="应用平台年费与 CA 证类别基础费用决定 CA 延期年检的价格：价格 = 证类别基础费用 + 所选应用平台年费之和。"
      />
      <Card>
        <Tabs
          items={[
            {
              key: "platforms",
              label: "应用平台",
              children: (
                <QueryTable<Platform>
                  testId="catalog-platforms"
                  query={platforms}
                  rowKey="code"
                  emptyText="暂无应用平台"
                  columns={[
                    { title: "平台名称", dataIndex: "name" },
                    { title: "编码", dataIndex: "code", width: 220 },
                    {
                      title: "年费/元",
                      dataIndex: "feeFen",
                      align: "right",
                      width: 140,
                      render: (fen: number) => formatYuan(fen),
                    },
                  ]}
                />
              ),
            },
            {
              key: "categories",
              label: "CA 证类别",
              children: (
                <QueryTable<CertificateCategory>
                  testId="catalog-categories"
                  query={categories}
                  rowKey="code"
                  emptyText="暂无 CA 证类别"
                  columns={[
                    { title: "证类别", dataIndex: "name" },
                    { title: "编码", dataIndex: "code", width: 220 },
                    {
                      title: "基础费用/元",
                      dataIndex: "baseFeeFen",
                      align: "right",
                      width: 140,
                      render: (fen: number) => formatYuan(fen),
                    },
                  ]}
                />
              ),
            },
            { key: "vendors", label: "证书厂商", children: <VendorsTab /> },
            {
              key: "service-points",
              label: "办理点",
              children: (
                <QueryTable<ServicePoint>
                  testId="catalog-service-points"
                  query={servicePoints}
                  rowKey="code"
                  emptyText="暂无办理点"
                  columns={[
                    { title: "办理点", dataIndex: "name" },
                    { title: "城市", dataIndex: "city", width: 160 },
                    { title: "编码", dataIndex: "code", width: 220 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
