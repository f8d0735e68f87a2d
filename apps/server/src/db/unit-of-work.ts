import type { DatabaseHandle, DatabaseKind, Db, Tx } from "./database";
import { GroupCommit } from "./group-commit";

export interface TransactionOptions {
  /**
   * Hot write paths: the transaction may share its COMMIT with others arriving in the same event-loop turn
   * (db/group-commit.ts; SQLite only, PostgreSQL runs it alone). Pass the constant GROUP_COMMIT, not a new
   * object per call.
   */
  groupCommit?: boolean;
}

export const GROUP_COMMIT: TransactionOptions = { groupCommit: true };

/**
 * The one way services reach the database: `db` for reads and single statements, `transaction(fn)` for a
 * use case's transaction. Group commit is an option of the same call, not a second API.
 */
export class UnitOfWork {
  readonly db: Db;
  readonly kind: DatabaseKind;
  private readonly grouped: GroupCommit;

  constructor(handle: Pick<DatabaseHandle, "db" | "kind">) {
    this.db = handle.db;
    this.kind = handle.kind;
    this.grouped = new GroupCommit(handle.db, handle.kind);
  }

  transaction<T>(work: (trx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return options?.groupCommit ? this.grouped.run(work) : this.db.transaction().execute(work);
  }
}
