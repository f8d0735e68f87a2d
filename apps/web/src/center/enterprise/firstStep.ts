import type { EnterpriseRevision } from "@lnca/contracts";

const STEP_ONE_ATTACHMENTS = ["legalRepresentativeIdBack", "legalRepresentativeIdFront", "businessLicence"] as const;

/**
 * Where 【编辑企业信息】 opens: a draft at its first step not yet complete (the user left there), a complete draft
 * at 签署信息 to submit it; a decided revision (approved or rejected) is revised from the start.
 */
export function firstStep(latest: EnterpriseRevision | null): 0 | 1 | 2 {
  if (latest?.status !== "draft") return 0;
  const { basic, invoicing, attachments } = latest;
  if (!basic || STEP_ONE_ATTACHMENTS.some((kind) => !attachments[kind])) return 0;
  if (!invoicing || !attachments.bankAccountLicence) return 1;
  return 2;
}
