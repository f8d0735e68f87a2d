import { SafetyCertificateFilled } from "@ant-design/icons";
import { Link } from "react-router-dom";

interface BrandMarkProps {
  /** Second line under the platform name; the portal shows the CA platform's name. */
  subtitle?: string;
  to?: string;
  inverted?: boolean;
}

/** The platform's emblem and name, as printed on the guide's cover. */
export function BrandMark({ subtitle = "CA 互联互通服务平台（辽宁版）", to = "/", inverted = false }: BrandMarkProps) {
  return (
    <Link to={to} className={inverted ? "brand brand-inverted" : "brand"} aria-label="辽宁省网联综合服务平台 首页">
      <span className="brand-emblem">
        <SafetyCertificateFilled />
      </span>
      <span className="brand-text">
        <span className="brand-name">辽宁省网联综合服务平台</span>
        <span className="brand-subtitle">{subtitle}</span>
      </span>
    </Link>
  );
}
