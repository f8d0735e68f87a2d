import type { BasicInfo, EnterpriseAttachmentKind, InvoicingInfo } from "@lnca/contracts";
import type { AppContext } from "../app/context";
import type { Actor } from "../features/policy/actor";

export interface EnterpriseInformationInput {
  basic: BasicInfo;
  invoicing: InvoicingInfo;
  attachments: Record<EnterpriseAttachmentKind, { bytes: Buffer; fileName: string }>;
}

/**
 * The three steps as the administrator's form does them (save each step, upload each attachment, submit), so
 * the demo and the tests hold revisions made exactly as people make them. Returns the submitted revision's id.
 */
export async function submitEnterpriseInformation(
  ctx: AppContext,
  admin: Actor,
  enterpriseId: string,
  input: EnterpriseInformationInput,
  options: { recognise?: boolean } = {},
): Promise<string> {
  const info = ctx.enterpriseInformation;
  await info.saveBasic(admin, enterpriseId, input.basic);
  await info.saveInvoicing(admin, enterpriseId, input.invoicing);
  for (const [kind, file] of Object.entries(input.attachments)) {
    await info.attach(admin, enterpriseId, kind as EnterpriseAttachmentKind, file);
  }
  // As 【下一步】 does; when the licence cannot be read the form goes on without a comparison, and so does this.
  if (options.recognise) await info.recognise(admin, enterpriseId).catch(() => null);
  const submitted = await info.submit(admin, enterpriseId);
  if (!submitted.latest) throw new Error("submitted information has no revision");
  return submitted.latest.id;
}

/** A reviewer claims the revision and decides it (审核通过, or 审核不通过 with the opinion). */
export async function decideEnterpriseRevision(
  ctx: AppContext,
  reviewer: Extract<Actor, { kind: "staff" }>,
  revisionId: string,
  decision: { approve: true } | { approve: false; opinion: string },
): Promise<void> {
  await ctx.enterpriseReviews.claim(reviewer, revisionId);
  if (decision.approve) await ctx.enterpriseReviews.approve(reviewer, revisionId);
  else await ctx.enterpriseReviews.reject(reviewer, revisionId, decision.opinion);
}
