import type { DbOrTx } from "../../db/database";

/** The rows of files to attach, in any order. */
export function findAttachmentFiles(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("files")
    .select(["id", "sha256", "media_type", "original_name", "sealed"])
    .where("id", "in", ids)
    .execute();
}
