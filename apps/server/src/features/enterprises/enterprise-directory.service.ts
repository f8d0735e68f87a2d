import { type EnterpriseSummary, type InvoicingInfo, maskName } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import { findApprovedInvoicingInfo, findEnterpriseWithAdminName } from "./enterprises.queries";

/** Reading enterprises: a route loads one here, asks the policy, and answers. */
export class EnterpriseDirectory {
  constructor(private readonly database: UnitOfWork) {}

  /** The enterprise's summary (it is also the resource `enterprise.read` decides on); ENTERPRISE_NOT_FOUND. */
  async summary(enterpriseId: string): Promise<EnterpriseSummary> {
    const row = await findEnterpriseWithAdminName(this.database.db, enterpriseId);
    if (!row) throw new AppError("ENTERPRISE_NOT_FOUND");
    return {
      id: row.id,
      name: row.name,
      uscc: row.uscc,
      adminNameMasked: row.admin_name ? maskName(row.admin_name) : null,
    };
  }

  /** The 开票信息 in force (of the approved revision), or null while none is approved (invoices prefill from it). */
  async approvedInvoicingInfo(enterpriseId: string): Promise<InvoicingInfo | null> {
    const row = await findApprovedInvoicingInfo(this.database.db, enterpriseId);
    return row ? (JSON.parse(row.invoicing_info) as InvoicingInfo) : null;
  }
}
