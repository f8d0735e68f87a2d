import { Table } from "antd";
import { yuan } from "../../shared/yuan";

/** 商品信息 (guide 图 4): CA延期年检 × quantity and the amount. */
export function ProductSummary({ quantity, totalFen }: { quantity: number; totalFen: number | null }) {
  return (
    <Table
      className="section-gap"
      size="small"
      pagination={false}
      rowKey="product"
      dataSource={[{ product: "CA延期年检", quantity, totalFen }]}
      columns={[
        { title: "商品", dataIndex: "product" },
        { title: "数量", dataIndex: "quantity", render: (n: number) => `x${n}` },
        {
          title: "金额",
          dataIndex: "totalFen",
          render: (fen: number | null) => <span data-testid="product-amount">{fen === null ? "—" : yuan(fen)}</span>,
        },
      ]}
    />
  );
}
