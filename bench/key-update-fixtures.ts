import type { AppContext } from "../apps/server/src/app/context";
import { bindTokenIfUnbound } from "../apps/server/src/features/certificates/certificates.queries";
import type { Actor } from "../apps/server/src/features/policy/actor";
import {
  buildBoundToken,
  buildMemberCertificate,
  buildRenewingEnterprise,
  payOrder,
  personalProfile,
  type TestKey,
} from "../apps/server/test/support/factories";

/** Each key is on two platforms; the order keeps the first and drops the second (both paths of a renewal). */
const HELD = ["ln-jsgc", "ln-zfcg"];
const CHOSEN = ["ln-jsgc"];
/** Certificates issued at once while the fixture is built (their keys and signatures are the slow part). */
const ISSUE_BATCH = 8;

export interface PaidKeyUpdates {
  /** The holder, as the service sees a signed-in user, and his own key to sign in with over HTTP. */
  holder: Extract<Actor, { kind: "user" }>;
  holderKey: TestKey;
  /** `count` paid renewal items, each for a real certificate of the built-in CA on a key bound to the holder. */
  items: { itemId: string; key: TestKey }[];
}

/**
 * `count` renewals paid and waiting for their key update, all keys bound to one holder (so that one session
 * drives them all): real certificates issued by the built-in CA and recorded as at a service point, one order
 * by the enterprise's administrator, paid through the payment service as a notification pays it.
 */
export async function paidKeyUpdates(ctx: AppContext, count: number): Promise<PaidKeyUpdates> {
  const ready = await buildRenewingEnterprise(ctx);
  const holder = await buildBoundToken(ctx, {
    profile: personalProfile({ categoryCode: "project_lead", holderName: "压测持证人", enterprise: ready.enterprise }),
  });
  const keys: Awaited<ReturnType<typeof buildMemberCertificate>>[] = [];
  for (let first = 0; first < count; first += ISSUE_BATCH) {
    const batch = Array.from({ length: Math.min(ISSUE_BATCH, count - first) }, () =>
      buildMemberCertificate(ctx, ready.enterprise, { platformCodes: HELD }),
    );
    keys.push(...(await Promise.all(batch)));
  }
  const now = ctx.clock.now().toISOString();
  await ctx.database.transaction(async (trx) => {
    for (const key of keys) {
      if (!(await bindTokenIfUnbound(trx, key.certificate.token_id ?? "", holder.user.id, now))) {
        throw new Error("a bench key was already bound");
      }
    }
  });
  const order = await ctx.renewalOrders.create(ready.actor, {
    items: keys.map((key) => ({ certificateId: key.certificate.id, platformCodes: CHOSEN })),
  });
  await payOrder(ctx, ready.actor, order.id);
  const itemOf = new Map(order.items.map((item) => [item.certificateId, item.itemId]));
  return {
    holder: { kind: "user", userId: holder.user.id },
    holderKey: holder,
    items: keys.map((key) => ({ itemId: itemOf.get(key.certificate.id) ?? "", key })),
  };
}
