import type { AppContext } from "../../../src/app/context";
import { associationMachine, certificateMachine } from "../../../src/features/certificates/certificates.states";
import { systemActor } from "../../../src/features/policy/actor";
import { transition, transitionAll } from "../../../src/kernel/transition";
import type { TestKey } from "./keys";
import { buildCertificate } from "./records";

/** A platform of the catalog (by code) with a key and a webhook secret issued, and a webhook URL when given. */
export async function buildPlatformCredentials(ctx: AppContext, code: string, options: { webhookUrl?: string } = {}) {
  const platform = (await ctx.platformCredentials.list()).find((p) => p.code === code);
  if (!platform) throw new Error(`no platform ${code} in the catalog`);
  const { apiKey } = await ctx.platformCredentials.issueKey(systemActor, platform.id);
  const { secret } = await ctx.platformCredentials.issueWebhookSecret(systemActor, platform.id);
  if (options.webhookUrl) await ctx.platformCredentials.setWebhookUrl(systemActor, platform.id, options.webhookUrl);
  return { platformId: platform.id, code, name: platform.name, apiKey, webhookSecret: secret };
}

/**
 * A renewal as the key update will record it, until that feature lands: a renewed certificate associated with
 * the chosen platforms, the old one superseded with its associations ended, and the platforms told
 * (`interopEvents.certificateRenewed`), all in one transaction. The renewed certificate is on a new key.
 */
export async function buildRenewal(
  ctx: AppContext,
  old: TestKey & { certificate: { id: string } },
  platforms: { chosen: string[]; dropped: string[] },
) {
  const renewed = await buildCertificate(ctx, old.profile, { platformCodes: platforms.chosen });
  const ids = await ctx.catalog.activePlatformIdsByCode();
  const idOf = (code: string) => ids.get(code) as string;
  await ctx.database.transaction(async (trx) => {
    await transition(trx, certificateMachine, { id: old.certificate.id, from: "active", to: "superseded" });
    const associations = await trx
      .selectFrom("associations")
      .select("id")
      .where("certificate_id", "=", old.certificate.id)
      .where("status", "=", "active")
      .execute();
    await transitionAll(trx, associationMachine, {
      ids: associations.map((a) => a.id),
      from: "active",
      to: "ended",
      set: { ended_at: ctx.clock.now().toISOString(), ended_reason: "renewed" },
    });
    await ctx.interopEvents.certificateRenewed(trx, {
      oldCertificateId: old.certificate.id,
      newCertificateId: renewed.certificate.id,
      chosenPlatformIds: platforms.chosen.map(idOf),
      droppedPlatformIds: platforms.dropped.map(idOf),
    });
  });
  return renewed;
}
