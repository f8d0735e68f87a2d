import type { DbOrTx } from "../../db/database";
import type { RenewalItemStatus } from "../../db/schema";
import type { ExpiryRemindersTable } from "./reminders.schema";

/** A certificate whose renewal is paid for (or done) needs no reminder: its holder only has to update the key. */
const PAID_RENEWAL: RenewalItemStatus[] = ["awaiting_update", "updating", "completed"];

/**
 * Active certificates expiring in [from, until) not yet reminded at `stepDays`, with whom to tell: the person the
 * key is bound to and the active administrator of the certificate's enterprise (at most one: a unique index).
 * Pages by (not_after, id): a certificate with nobody to tell stays due and must not be read again.
 */
export function listDueCertificates(
  db: DbOrTx,
  window: { stepDays: number; from: string; until: string },
  page: { after: { notAfter: string; id: string } | null; limit: number },
) {
  const { after } = page;
  return db
    .selectFrom("certificates as c")
    .innerJoin("tokens as t", "t.id", "c.token_id")
    .leftJoin("users as holder", "holder.id", "t.bound_user_id")
    .leftJoin("certificate_categories as cat", "cat.code", "c.category_code")
    .leftJoin("identities as ai", (join) =>
      join.onRef("ai.enterprise_id", "=", "c.enterprise_id").on("ai.role", "=", "admin").on("ai.status", "=", "active"),
    )
    .leftJoin("users as admin", "admin.id", "ai.user_id")
    .select([
      "c.id",
      "c.serial_number",
      "c.holder_name",
      "c.not_after",
      "cat.name as category_name",
      "holder.id as holder_user_id",
      "holder.name as holder_user_name",
      "holder.mobile as holder_mobile",
      "holder.email as holder_email",
      "admin.id as admin_user_id",
      "admin.name as admin_user_name",
      "admin.mobile as admin_mobile",
      "admin.email as admin_email",
    ])
    .where("c.status", "=", "active")
    .where("c.not_after", ">=", window.from)
    .where("c.not_after", "<", window.until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("expiry_reminders as r")
            .select("r.certificate_id")
            .whereRef("r.certificate_id", "=", "c.id")
            .where("r.step_days", "=", window.stepDays),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("renewal_items as i")
            .select("i.id")
            .whereRef("i.certificate_id", "=", "c.id")
            .where("i.status", "in", PAID_RENEWAL),
        ),
      ),
    )
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb("c.not_after", ">", after?.notAfter ?? ""),
          eb.and([eb("c.not_after", "=", after?.notAfter ?? ""), eb("c.id", ">", after?.id ?? "")]),
        ]),
      ),
    )
    .orderBy("c.not_after")
    .orderBy("c.id")
    .limit(page.limit)
    .execute();
}

export type DueCertificate = Awaited<ReturnType<typeof listDueCertificates>>[number];

/** True when this call recorded the reminder; false when another process (or an earlier scan) already had. */
export async function recordReminder(db: DbOrTx, row: ExpiryRemindersTable): Promise<boolean> {
  const inserted = await db
    .insertInto("expiry_reminders")
    .values(row)
    .onConflict((oc) => oc.columns(["certificate_id", "step_days"]).doNothing())
    .returning("certificate_id")
    .executeTakeFirst();
  return inserted !== undefined;
}
