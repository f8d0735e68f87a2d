import type { Insertable } from "kysely";
import type { DbOrTx } from "../../db/database";
import { placeholders, prepared } from "../../db/prepared";
import type { AuditLogTable } from "../../db/schema";

export type AuditRow = Required<Insertable<AuditLogTable>>;

const auditInsert = prepared<AuditRow>()((db) =>
  db.insertInto("audit_log").values(
    placeholders<AuditRow>({
      id: true,
      at: true,
      actor_kind: true,
      actor_id: true,
      action: true,
      entity_kind: true,
      entity_id: true,
      data: true,
      ip: true,
    }),
  ),
);

/** Compiled once (db/prepared.ts): every change writes one, every login among them. */
export async function insertAuditRow(db: DbOrTx, row: AuditRow): Promise<void> {
  await auditInsert.executeAffected(db, row);
}

/** Many audit rows in one statement (a bulk import records one per imported row). */
export async function insertAuditRows(db: DbOrTx, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("audit_log").values(rows).execute();
}
