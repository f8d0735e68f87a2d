import type { Insertable, Updateable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type {
  PlatformsTable,
  WebhookDeliveriesTable,
  WebhookDeliveryAttemptsTable,
  WebhookDeliveryStatus,
} from "../../db/schema";

// ——— platforms: keys and webhook settings ———

export function listPlatformsWithInterop(db: DbOrTx) {
  return db
    .selectFrom("platforms")
    .select([
      "id",
      "code",
      "name",
      "active",
      "interop_key_hint",
      "interop_key_issued_at",
      "interop_previous_key_expires_at",
      "webhook_url",
      "webhook_secret_issued_at",
      "webhook_previous_secret_expires_at",
    ])
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

export function findPlatform(db: DbOrTx, id: string) {
  return db.selectFrom("platforms").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listPlatformCodes(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("platforms").select(["id", "code"]).where("id", "in", ids).execute();
}

/** The active platform whose current key, or previous key still inside its overlap, has this SHA-256. */
export function findPlatformByKeyHash(db: DbOrTx, keyHash: string, now: string) {
  return db
    .selectFrom("platforms")
    .select(["id", "code"])
    .where("active", "=", 1)
    .where((eb) =>
      eb.or([
        eb("interop_key_hash", "=", keyHash),
        eb.and([eb("interop_previous_key_hash", "=", keyHash), eb("interop_previous_key_expires_at", ">", now)]),
      ]),
    )
    .executeTakeFirst();
}

export async function updatePlatformInterop(
  db: DbOrTx,
  id: string,
  set: Pick<
    Updateable<PlatformsTable>,
    | "interop_key_hash"
    | "interop_key_hint"
    | "interop_key_issued_at"
    | "interop_previous_key_hash"
    | "interop_previous_key_expires_at"
    | "webhook_url"
    | "webhook_secret_encrypted"
    | "webhook_secret_issued_at"
    | "webhook_previous_secret_encrypted"
    | "webhook_previous_secret_expires_at"
    | "updated_at"
  >,
): Promise<void> {
  await db.updateTable("platforms").set(set).where("id", "=", id).execute();
}

// ——— certificates as the platforms see them ———

/**
 * A certificate the platform knows (by fingerprint) with its enterprise, and whether it has an active
 * association with the given platform.
 */
export function findCertificateForPlatform(db: DbOrTx, fingerprint: string, platformId: string) {
  return db
    .selectFrom("certificates as c")
    .leftJoin("enterprises as e", "e.id", "c.enterprise_id")
    .select((eb) => [
      "c.id",
      "c.status",
      "c.holder_name",
      "c.category_code",
      "c.not_after",
      "e.name as enterprise_name",
      "e.uscc",
      eb
        .exists(
          eb
            .selectFrom("associations as a")
            .select("a.id")
            .whereRef("a.certificate_id", "=", "c.id")
            .where("a.platform_id", "=", platformId)
            .where("a.status", "=", "active"),
        )
        .as("associated"),
    ])
    .where("c.fingerprint_sha256", "=", fingerprint)
    .executeTakeFirst();
}

/** Certificates with their enterprise, for the webhook payloads. */
export function listCertificatesWithEnterprise(db: DbOrTx, ids: readonly string[]) {
  return db
    .selectFrom("certificates as c")
    .leftJoin("enterprises as e", "e.id", "c.enterprise_id")
    .select([
      "c.id",
      "c.serial_number",
      "c.fingerprint_sha256",
      "c.certificate_pem",
      "c.holder_name",
      "c.category_code",
      "c.not_before",
      "c.not_after",
      "e.name as enterprise_name",
      "e.uscc",
    ])
    .where("c.id", "in", ids)
    .execute();
}

// ——— deliveries and their attempts ———

/** Inserts a delivery unless this event for this platform and certificate exists already; true when inserted. */
export async function insertDeliveryOnce(db: DbOrTx, row: Insertable<WebhookDeliveriesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto("webhook_deliveries")
    .values(row)
    .onConflict((oc) => oc.columns(["event_type", "platform_id", "certificate_id"]).doNothing())
    .returning("id")
    .execute();
  return inserted.length > 0;
}

/** A delivery with what sending it needs from its platform. */
export function findDeliveryForSending(db: DbOrTx, id: string) {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("platforms as p", "p.id", "d.platform_id")
    .selectAll("d")
    .select([
      "p.webhook_url",
      "p.webhook_secret_encrypted",
      "p.webhook_previous_secret_encrypted",
      "p.webhook_previous_secret_expires_at",
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

export function findDelivery(db: DbOrTx, id: string) {
  return db.selectFrom("webhook_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertAttempt(db: DbOrTx, row: WebhookDeliveryAttemptsTable): Promise<void> {
  await db.insertInto("webhook_delivery_attempts").values(row).execute();
}

export async function pageDeliveries(
  db: DbOrTx,
  opts: { page: number; pageSize: number; status?: WebhookDeliveryStatus },
) {
  let base = db.selectFrom("webhook_deliveries as d").innerJoin("platforms as p", "p.id", "d.platform_id");
  if (opts.status) base = base.where("d.status", "=", opts.status);
  const [items, total] = await Promise.all([
    base
      .selectAll("d")
      .select(["p.code as platform_code", "p.name as platform_name"])
      .orderBy("d.created_at", "desc")
      .orderBy("d.id", "desc")
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function listAttempts(db: DbOrTx, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("webhook_delivery_attempts")
    .selectAll()
    .where("delivery_id", "in", deliveryIds)
    .orderBy("delivery_id")
    .orderBy("attempt")
    .execute();
}
