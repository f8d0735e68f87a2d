import { Card, Tabs } from "antd";
import { useState } from "react";
import type { ConsoleOrderSearch } from "../api/consoleOrders";
import { PageHeader } from "../shared/PageHeader";
import { ConsoleOrdersTable } from "./orders/ConsoleOrdersTable";
import { ConsolePaymentsTable } from "./orders/ConsolePaymentsTable";
import { DailyTotalsCard } from "./orders/DailyTotalsCard";
import { OrderDrawer } from "./orders/OrderDrawer";
import { OrderSearchForm } from "./orders/OrderSearchForm";

/** 订单与支付: orders and payments searched alike, a day's totals per channel, an order's detail and 【退款】. */
export function ConsoleOrdersPage() {
  const [tab, setTab] = useState("orders");
  const [search, setSearch] = useState<ConsoleOrderSearch>({});
  const [openOrderId, setOpenOrderId] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="订单与支付"
        description="CA 延期年检订单及支付宝、微信支付记录；已支付的订单可整单或按证书退款，迟到的支付自动退款。"
      />
      <DailyTotalsCard />
      <Card>
        <OrderSearchForm onSearch={setSearch} />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: "orders",
              label: "订单",
              children: tab === "orders" && <ConsoleOrdersTable search={search} onOpen={setOpenOrderId} />,
            },
            {
              key: "payments",
              label: "支付记录",
              children: tab === "payments" && <ConsolePaymentsTable search={search} onOpen={setOpenOrderId} />,
            },
          ]}
        />
      </Card>
      <OrderDrawer orderId={openOrderId} onClose={() => setOpenOrderId(null)} />
    </>
  );
}
