import { CompiledQuery } from "kysely";
import type { DatabaseKind, Db, Tx } from "./database";

/** Units run together at most; a longer queue is taken in several commits. */
export const GROUP_COMMIT_MAX_UNITS = 64;

interface Unit {
  work: (trx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// Compiled once: built from a template each time, the three statements were ~2 % of a CA login's time.
const SAVEPOINT = CompiledQuery.raw("savepoint unit");
const ROLLBACK_TO = CompiledQuery.raw("rollback to unit");
const RELEASE = CompiledQuery.raw("release unit");

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Transactions that share one COMMIT when they arrive together (group commit), for hot write paths on SQLite.
 *
 * Why: SQLite has one writer, and a commit costs more than the few rows a CA login writes — every B-tree
 * page it touched goes to the WAL in full, so concurrent logins each paid for the same rightmost pages. Units
 * queued in the same turn of the event loop now run one after another in one transaction, each inside its own
 * SAVEPOINT, and commit once.
 *
 * What each caller sees is what its own transaction would give: its work runs alone on the connection (in
 * order of arrival, seeing the units before it as committed); a unit that throws is rolled back to its
 * savepoint and only its caller gets the error; nobody's promise settles before the COMMIT is done, so effects
 * after a transaction (jobs, caches, responses) still wait for it; if the COMMIT fails, every unit of it
 * fails. A unit must do its database work on the `trx` it is given, as in any transaction.
 *
 * PostgreSQL runs each unit as its own transaction: it has concurrent writers and its own group commit.
 */
export class GroupCommit {
  private queue: Unit[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly maxUnits = GROUP_COMMIT_MAX_UNITS,
  ) {}

  run<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    if (this.kind === "postgres") return this.db.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: after the I/O callbacks of this turn, so requests arriving together are taken together.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const units = this.queue.splice(0, this.maxUnits);
    let outcomes: Outcome[];
    try {
      outcomes = await this.commitTogether(units);
    } catch (error) {
      outcomes = units.map(() => ({ ok: false, error }));
    }
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
    units.forEach((unit, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  private async commitTogether(units: Unit[]): Promise<Outcome[]> {
    const [only] = units;
    if (units.length === 1 && only) {
      // Alone: its own transaction is its savepoint.
      try {
        return [{ ok: true, value: await this.db.transaction().execute(only.work) }];
      } catch (error) {
        return [{ ok: false, error }];
      }
    }
    const trx = await this.db.startTransaction().execute();
    const outcomes: Outcome[] = [];
    try {
      for (const unit of units) {
        await trx.executeQuery(SAVEPOINT);
        try {
          outcomes.push({ ok: true, value: await unit.work(trx) });
        } catch (error) {
          await trx.executeQuery(ROLLBACK_TO);
          outcomes.push({ ok: false, error });
        }
        await trx.executeQuery(RELEASE);
      }
      await trx.commit().execute();
    } catch (error) {
      // Releases the connection even when it fails (SQLite may have rolled back already); `error` says why.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw error;
    }
    return outcomes;
  }
}
