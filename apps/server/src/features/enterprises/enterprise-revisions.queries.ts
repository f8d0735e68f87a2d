import type { Updateable } from "kysely";
import type { DbOrTx } from "../../db/database";
import { containing } from "../../db/like";
import type { EnterpriseRevisionStatus, EnterpriseRevisionsTable } from "../../db/schema";

export type RevisionRow = Awaited<ReturnType<typeof findRevision>> & {};

export function findRevision(db: DbOrTx, id: string) {
  return db.selectFrom("enterprise_revisions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The enterprise's newest revision (by number), whatever its state. */
export function findLatestRevision(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("enterprise_revisions")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function findEnterprise(db: DbOrTx, id: string) {
  return db
    .selectFrom("enterprises")
    .select(["id", "name", "uscc", "approved_revision_id"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertRevision(
  db: DbOrTx,
  row: Omit<EnterpriseRevisionsTable, "basic_info" | "invoicing_info" | "signing_info" | "attachments"> & {
    basic_info: string;
    invoicing_info: string;
    attachments: string;
  },
): Promise<void> {
  await db.insertInto("enterprise_revisions").values(row).execute();
}

/** Changes a draft's content (a draft is nobody's record yet); no row when it is no longer a draft. */
export async function updateDraft(
  db: DbOrTx,
  id: string,
  set: Pick<
    Updateable<EnterpriseRevisionsTable>,
    "basic_info" | "invoicing_info" | "attachments" | "ocr_comparison"
  > & {
    updated_at: string;
  },
): Promise<boolean> {
  // Named columns (a status never changes here); a step not given is left as it is (Kysely skips undefined).
  const { basic_info, invoicing_info, attachments, ocr_comparison, updated_at } = set;
  const result = await db
    .updateTable("enterprise_revisions")
    .set({ basic_info, invoicing_info, attachments, ocr_comparison, updated_at })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the claim when nobody holds it, this reviewer does, or the holder's claim lapsed (claimed before
 * `lapsedBefore`), in one statement: of two reviewers one wins.
 */
export async function claimRevision(
  db: DbOrTx,
  id: string,
  claim: { staffId: string; at: string; lapsedBefore: string },
): Promise<boolean> {
  const result = await db
    .updateTable("enterprise_revisions")
    .set({ claimed_by_staff_id: claim.staffId, claimed_at: claim.at })
    .where("id", "=", id)
    .where("status", "=", "pending_review")
    .where((eb) =>
      eb.or([
        eb("claimed_by_staff_id", "is", null),
        eb("claimed_by_staff_id", "=", claim.staffId),
        eb("claimed_at", "<", claim.lapsedBefore),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseRevision(db: DbOrTx, id: string, staffId: string): Promise<void> {
  await db
    .updateTable("enterprise_revisions")
    .set({ claimed_by_staff_id: null, claimed_at: null })
    .where("id", "=", id)
    .where("claimed_by_staff_id", "=", staffId)
    .execute();
}

export async function setApprovedRevision(
  db: DbOrTx,
  enterpriseId: string,
  set: { approved_revision_id: string; name: string; updated_at: string },
): Promise<void> {
  await db.updateTable("enterprises").set(set).where("id", "=", enterpriseId).execute();
}

/** The review queue (or the decided history): submitted revisions, oldest submission first. */
export async function pageRevisionsForReview(
  db: DbOrTx,
  query: { status: EnterpriseRevisionStatus; search?: string; page: number; pageSize: number },
) {
  let base = db
    .selectFrom("enterprise_revisions as r")
    .innerJoin("enterprises as e", "e.id", "r.enterprise_id")
    .where("r.status", "=", query.status);
  if (query.search) {
    const like = containing(query.search);
    base = base.where((eb) => eb.or([eb("e.name", "like", like), eb("e.uscc", "like", like.toUpperCase())]));
  }
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const items = await base
    .leftJoin("staff as claimer", "claimer.id", "r.claimed_by_staff_id")
    .leftJoin("staff as reviewer", "reviewer.id", "r.reviewed_by_staff_id")
    .select([
      "r.id",
      "r.enterprise_id",
      "r.number",
      "r.status",
      "r.submitted_at",
      "r.claimed_by_staff_id",
      "r.claimed_at",
      "r.reviewed_at",
      "e.name as enterprise_name",
      "e.uscc",
      "e.approved_revision_id",
      "claimer.display_name as claimer_name",
      "reviewer.display_name as reviewer_name",
    ])
    .orderBy(
      query.status === "pending_review" ? "r.submitted_at" : "r.reviewed_at",
      query.status === "pending_review" ? "asc" : "desc",
    )
    .orderBy("r.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total), items };
}

/** The enterprise's decided revisions, newest first, with their reviewer's name. */
export function listDecidedRevisions(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("enterprise_revisions as r")
    .leftJoin("staff", "staff.id", "r.reviewed_by_staff_id")
    .select([
      "r.id",
      "r.number",
      "r.status",
      "r.reviewed_at",
      "r.review_opinion",
      "staff.display_name as reviewer_name",
    ])
    .where("r.enterprise_id", "=", enterpriseId)
    .where("r.status", "in", ["approved", "rejected", "superseded"])
    .orderBy("r.number", "desc")
    .execute();
}

export function findStaffName(db: DbOrTx, staffId: string) {
  return db.selectFrom("staff").select("display_name").where("id", "=", staffId).executeTakeFirst();
}

export function findUserContact(db: DbOrTx, userId: string) {
  return db.selectFrom("users").select(["name", "mobile"]).where("id", "=", userId).executeTakeFirst();
}

export function findFilesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("files").selectAll().where("id", "in", ids).execute();
}
