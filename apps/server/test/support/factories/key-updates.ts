/**
 * A paid renewal waiting for its holder's key update (J6): the guide's 刘洋, a project lead of a ready
 * enterprise whose key is bound to his own account, renewed by the administrator for six of his eight
 * platforms, and paid — all through the services the app uses (order, payment start, the provider's report).
 */
import type { KeyAlgorithm } from "@lnca/pki";
import type { AppContext } from "../../../src/app/context";
import type { CertificatesTable } from "../../../src/db/schema";
import type { Actor } from "../../../src/features/policy/actor";
import type { ApiClient } from "../api-client";
import { nextMobile } from "../identifiers";
import { boundUser } from "../journeys";
import type { TestApp } from "../test-app";
import type { TestKey } from "./keys";
import { buildMemberCertificate, buildRenewingEnterprise } from "./renewals";

export const SIX_PLATFORMS = ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "sy-ggzy", "dl-ggzy", "as-ggzy"];
export const EIGHT_PLATFORMS = [...SIX_PLATFORMS, "jz-ggzy", "cy-ggzy"];

export interface PaidRenewal {
  /** 刘洋's key as the keybridge holds it, and his signed-in client. */
  key: TestKey & { certificate: CertificatesTable };
  holder: ApiClient;
  orderId: string;
  itemId: string;
  /** The administrator who ordered and paid: his key and actor. */
  admin: Awaited<ReturnType<typeof buildRenewingEnterprise>>["admin"];
  adminActor: Awaited<ReturnType<typeof buildRenewingEnterprise>>["actor"];
}

export async function buildPaidRenewal(
  t: TestApp,
  options: {
    platformCodes?: string[];
    chosenPlatformCodes?: string[];
    holderName?: string;
    algorithm?: KeyAlgorithm;
    /** When the certificate being renewed ends (a year from yesterday by default). */
    notAfter?: Date;
  } = {},
): Promise<PaidRenewal> {
  const ctx: AppContext = t.ctx;
  const ready = await buildRenewingEnterprise(ctx, { platformCodes: ["ln-jsgc"] });
  const key = await buildMemberCertificate(ctx, ready.enterprise, {
    holderName: options.holderName ?? "刘洋",
    platformCodes: options.platformCodes ?? EIGHT_PLATFORMS,
    algorithm: options.algorithm,
    notAfter: options.notAfter,
  });
  const holder = await boundUser(t, key, { mobile: nextMobile() });
  const order = await ctx.renewalOrders.create(ready.actor, {
    items: [{ certificateId: key.certificate.id, platformCodes: options.chosenPlatformCodes ?? SIX_PLATFORMS }],
  });
  await payOrder(ctx, ready.actor, order.id);
  const itemId = order.items[0]?.itemId;
  if (!itemId) throw new Error("the order has its item");
  return { key, holder, orderId: order.id, itemId, admin: ready.admin, adminActor: ready.actor };
}

/** Several holders' paid renewals in one order (one item each): what the administrator renews at once. */
export async function buildPaidOrder(
  t: TestApp,
  count: number,
): Promise<{ orderId: string; items: Omit<PaidRenewal, "orderId" | "admin" | "adminActor">[] }> {
  const ctx: AppContext = t.ctx;
  const ready = await buildRenewingEnterprise(ctx, { platformCodes: ["ln-jsgc"] });
  const holders = [];
  for (let n = 0; n < count; n++) {
    const key = await buildMemberCertificate(ctx, ready.enterprise, { platformCodes: ["ln-jsgc", "ln-zfcg"] });
    holders.push({ key, holder: await boundUser(t, key, { mobile: nextMobile() }) });
  }
  const order = await ctx.renewalOrders.create(ready.actor, {
    items: holders.map(({ key }) => ({ certificateId: key.certificate.id, platformCodes: ["ln-jsgc"] })),
  });
  await payOrder(ctx, ready.actor, order.id);
  const itemOf = new Map(order.items.map((item) => [item.certificateId, item.itemId]));
  return {
    orderId: order.id,
    items: holders.map((h) => ({ ...h, itemId: itemOf.get(h.key.certificate.id) ?? "" })),
  };
}

/** Pays the order as the provider's notification does. */
export async function payOrder(ctx: AppContext, actor: Actor, orderId: string): Promise<void> {
  const payment = await ctx.payments.start(actor, orderId, { channel: "alipay" });
  await ctx.payments.apply(
    "alipay",
    {
      outTradeNo: payment.outTradeNo,
      providerTradeNo: `2026${payment.outTradeNo}`,
      state: "paid",
      amountFen: payment.amountFen,
      paidAt: ctx.clock.now(),
    },
    "notification",
  );
}
