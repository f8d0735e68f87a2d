import type { AppContext } from "../../../src/app/context";
import { adminActor, buildSubmittedRevision } from "./enterprise-information";
import { completeProfile } from "./files";
import { type Enterprise, newEnterprise, organizationProfile, personalProfile } from "./profiles";
import { buildBoundToken, buildCertificate, buildStaff, type CertificateOptions } from "./records";

/**
 * An enterprise that may renew at once (J5's preconditions): its administrator bound to the main key with
 * complete 个人信息, and its enterprise information approved by a reviewer, all through the domain services.
 */
export async function buildRenewingEnterprise(
  ctx: AppContext,
  options: { platformCodes?: string[]; enterprise?: Enterprise } = {},
) {
  const enterprise = options.enterprise ?? newEnterprise();
  const admin = await buildBoundToken(ctx, {
    profile: organizationProfile(enterprise),
    platformCodes: options.platformCodes ?? ["ln-jsgc"],
  });
  const enterpriseId = admin.certificate.enterprise_id ?? "";
  await completeProfile(ctx, admin.user.id);
  const actor = adminActor(admin.user.id, admin.identityId, enterpriseId);
  const revisionId = await buildSubmittedRevision(ctx, actor, { ...enterprise, id: enterpriseId });
  const staff = await buildStaff(ctx, "reviewer");
  const reviewer = { kind: "staff" as const, staffId: staff.id, role: "reviewer" as const };
  await ctx.enterpriseReviews.claim(reviewer, revisionId);
  await ctx.enterpriseReviews.approve(reviewer, revisionId);
  return { enterprise: { ...enterprise, id: enterpriseId }, admin, actor };
}

/** A personal key of the enterprise (project lead by default), recorded and not bound to anyone yet. */
export function buildMemberCertificate(
  ctx: AppContext,
  enterprise: Enterprise,
  options: CertificateOptions & { categoryCode?: string; holderName?: string } = {},
) {
  return buildCertificate(
    ctx,
    personalProfile({
      categoryCode: options.categoryCode ?? "project_lead",
      holderName: options.holderName,
      enterprise,
    }),
    options,
  );
}
