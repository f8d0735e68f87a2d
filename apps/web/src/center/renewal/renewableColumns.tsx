import type { RenewableCertificate } from "@lnca/contracts";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { PlatformNames } from "../../shared/PlatformNames";
import { ExpiryCell } from "./ExpiryCell";

/** 【CA 延期年检】's columns (guide §四(二) 图 1–2). */
export const renewableColumns: TableColumnsType<RenewableCertificate> = [
  { title: "持证人", dataIndex: "holderName", width: 140 },
  { title: "CA 证类别", dataIndex: "categoryName", width: 140 },
  { title: "证书厂商", dataIndex: "vendor", width: 100 },
  {
    title: "到期时间",
    dataIndex: "notAfter",
    width: 200,
    sorter: (a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER),
    render: (_, certificate) => <ExpiryCell notAfter={certificate.notAfter} daysLeft={certificate.daysLeft} />,
  },
  {
    title: "当前关联平台",
    dataIndex: "platformCodes",
    render: (codes: string[]) => <PlatformNames codes={codes} />,
  },
  {
    title: "状态",
    dataIndex: "openOrderId",
    width: 200,
    render: (orderId: string | null, certificate) =>
      orderId ? (
        <Link to={`/center/orders/${orderId}`} data-testid="open-order-link">
          已在订单 {certificate.openOrderNo ?? ""} 中
        </Link>
      ) : (
        "可延期"
      ),
  },
];
