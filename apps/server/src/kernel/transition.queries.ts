import { type Kysely, sql } from "kysely";
import type { DbOrTx } from "../db/database";
import type { StatusTable } from "./machine";

/**
 * `UPDATE <table> SET status = to, … WHERE id IN (…) AND status = from [AND guard columns = values]`: the one
 * statement in the code base that writes a status (a test scans the sources for others). Returns how many rows
 * were still in `from` (and the guards held), so exactly one of two racing changes wins each row.
 */
export async function updateStatusIf(
  db: DbOrTx,
  table: StatusTable,
  change: {
    ids: readonly string[];
    from: string;
    to: string;
    set: Record<string, unknown>;
    guard: Record<string, unknown>;
  },
): Promise<number> {
  // The table name is only known at run time; the callers' types (kernel/transition.ts) check the columns.
  const loose = db as unknown as Kysely<Record<string, { id: string; status: string }>>;
  let query = loose
    .updateTable(table)
    .set({ ...change.set, status: change.to })
    .where("id", "in", [...change.ids])
    .where("status", "=", change.from);
  for (const [column, value] of Object.entries(change.guard)) {
    query = query.where(sql.ref(column), value === null ? "is" : "=", value);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
