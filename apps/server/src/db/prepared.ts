import type { Compilable, CompiledQuery, QueryResult } from "kysely";
import type { DbOrTx } from "./database";

const PLACEHOLDER = "\u0000lnca-prepared-param:";

/**
 * A stand-in for the parameter `name` of a prepared query (see `prepared`). Typed as the column's type so the
 * query builds exactly as it would with a real value.
 */
export function param<T>(name: string): T {
  return `${PLACEHOLDER}${name}` as T;
}

/**
 * `param(column)` for every column of a row type, for an insert that writes them all: list every column with
 * `true` (the type checker refuses a missing or unknown one), get a row of placeholders.
 */
export function placeholders<T extends object>(columns: { [K in keyof T]-?: true }): T {
  return Object.fromEntries(Object.keys(columns).map((column) => [column, param(column)])) as T;
}

/** Where each bound parameter of a compiled query comes from: a named input, or a constant of the query. */
type ParameterSource = { name: string } | { constant: unknown };

interface Compiled {
  query: CompiledQuery;
  sources: ParameterSource[];
}

/**
 * A Kysely query built and compiled once per database (per dialect adapter, so SQLite's `?` and PostgreSQL's
 * `$1` each get their own SQL) and then run with new parameter values through `db.executeQuery` — on the
 * database or inside a transaction, like any other query.
 *
 * Why: building and compiling a small query with Kysely costs ~10 µs, several times what SQLite takes to run
 * it; the hot path of a CA login runs seven. The query is still written with Kysely in a *.queries.ts file,
 * typed by the builder, and portable: only the SQL text it compiles to is remembered.
 *
 * Parameters: the builder gets a typed `params` object whose every property is a placeholder (`params.id` is
 * `param("id")`) — use them where values go; for an insert of whole rows, `placeholders({ column: true, … })`.
 * Any other value in the query is a constant of it and is bound as it was. Every named parameter must be given
 * (null is a value, undefined is not) when run.
 */
export class PreparedQuery<P extends object, R> {
  private readonly byAdapter = new WeakMap<object, Compiled>();

  constructor(private readonly build: (db: DbOrTx, params: P) => Compilable<R>) {}

  /** The rows. */
  async execute(db: DbOrTx, params: P): Promise<R[]> {
    return (await this.run(db, params)).rows;
  }

  /** The first row, or undefined. */
  async executeTakeFirst(db: DbOrTx, params: P): Promise<R | undefined> {
    return (await this.run(db, params)).rows[0];
  }

  /** Rows inserted, updated or deleted (0 for an insert that did nothing on a conflict). */
  async executeAffected(db: DbOrTx, params: P): Promise<number> {
    return Number((await this.run(db, params)).numAffectedRows ?? 0n);
  }

  /** The SQL and parameters it runs: the query compiled once, with these parameters bound. */
  compile(db: DbOrTx, params: P): CompiledQuery<R> {
    const compiled = this.compiledFor(db);
    return { ...compiled.query, parameters: bind(compiled, params) } as CompiledQuery<R>;
  }

  private run(db: DbOrTx, params: P): Promise<QueryResult<R>> {
    return db.executeQuery(this.compile(db, params));
  }

  private compiledFor(db: DbOrTx): Compiled {
    const adapter = db.getExecutor().adapter;
    let compiled = this.byAdapter.get(adapter);
    if (!compiled) {
      const query = this.build(db, placeholderParams as P).compile();
      const sources = query.parameters.map((value): ParameterSource => {
        if (typeof value === "string" && value.startsWith(PLACEHOLDER))
          return { name: value.slice(PLACEHOLDER.length) };
        return { constant: value };
      });
      compiled = { query, sources };
      this.byAdapter.set(adapter, compiled);
    }
    return compiled;
  }
}

/** `params.x` is `param("x")`: the parameters object handed to a prepared query's builder. */
const placeholderParams: object = new Proxy(
  {},
  { get: (_target, key) => (typeof key === "string" ? param(key) : undefined) },
);

function bind(compiled: Compiled, params: object): unknown[] {
  const values = new Array<unknown>(compiled.sources.length);
  for (let i = 0; i < values.length; i++) {
    const source = compiled.sources[i] as ParameterSource;
    if ("constant" in source) {
      values[i] = source.constant;
    } else {
      const value = (params as Record<string, unknown>)[source.name];
      if (value === undefined) throw new Error(`prepared query: no value for parameter "${source.name}"`);
      values[i] = value;
    }
  }
  return values;
}

/** `new PreparedQuery(build)`, reading better at the top of a *.queries.ts file. */
export function prepared<P extends object>() {
  return <R>(build: (db: DbOrTx, params: P) => Compilable<R>) => new PreparedQuery<P, R>(build);
}
