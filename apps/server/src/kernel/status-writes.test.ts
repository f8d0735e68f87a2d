import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outboxJobMachine } from "../features/outbox/outbox.states";
import { canTransition } from "../shared/state-machine";

/**
 * A status changes only through the transition step (kernel/transition.ts). This scan of the sources fails on
 * any other write of a `status` column: in a Kysely `.updateTable(…).set(…)` or `.doUpdateSet(…)`, in raw SQL,
 * or by handing an update a whole change object on a table that has a status (unless its type leaves status
 * out with `Omit<…, "status">`). Tests are not scanned: they put rows in a state directly to set a scene.
 */
const root = path.resolve(import.meta.dirname, "../../../..");
const scanned = ["apps/server/src", "apps/server/test", "bench", "e2e", "scripts"];

/** The one statement allowed to write a status, and the exceptions, each with its reason. */
const allowed: { file: string; fn: string; why: string }[] = [
  { file: "apps/server/src/kernel/transition.queries.ts", fn: "updateStatusIf", why: "the transition step" },
  {
    file: "apps/server/src/features/outbox/outbox.queries.ts",
    fn: "claimDueJobs",
    why: "claims many jobs in one statement under FOR UPDATE SKIP LOCKED; its moves are checked below",
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "migrations" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The tables with a status column, read from the schema's `Database` interface (db/schema.ts) and the table
 * interfaces of each area's `*.schema.ts`.
 */
function statusTables(): Set<string> {
  const schemaFiles = sourceFiles(path.join(root, "apps/server/src")).filter((f) => /(\.schema|\/schema)\.ts$/.test(f));
  const schema = schemaFiles.map((f) => readFileSync(f, "utf8")).join("\n");
  const body = (name: string) => schema.match(new RegExp(`interface ${name} \\{([^}]*)\\}`))?.[1] ?? "";
  const tables = [...body("Database").matchAll(/(\w+): (\w+);/g)];
  return new Set(tables.filter(([, , type]) => /\n\s+status:/.test(body(type!))).map(([, table]) => table!));
}

/** The text of the call's argument list starting at `open` (an opening parenthesis), parentheses balanced. */
function argumentAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The name of the function a position is in (the nearest `function name` before it). */
function functionAt(text: string, at: number): { name: string; signature: string } {
  const starts = [...text.slice(0, at).matchAll(/function\s+(\w+)/g)];
  const last = starts.at(-1);
  if (!last) return { name: "", signature: "" };
  return { name: last[1]!, signature: text.slice(last.index, text.indexOf("{", text.indexOf(")", last.index))) };
}

/** Each status write in a source text, as `function: what`. */
function statusWrites(text: string, tables: Set<string>): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  const report = (at: number, what: string) => found.push(`${functionAt(code, at).name}: ${what}`);
  const writesStatus = (argument: string) => /(^|[{,\s])["']?status["']?\s*[:,}]/.test(argument);
  for (const update of code.matchAll(/\.updateTable\(\s*(["'`]?)(\w+)/g)) {
    // A table named by a variable may be any table, one with a status too.
    const [, quote, table] = update as unknown as [string, string, string];
    const hasStatus = !quote || tables.has(table);
    const end = code.indexOf(";", update.index);
    const statement = code.slice(update.index, end === -1 ? undefined : end);
    const set = statement.indexOf(".set(");
    if (set === -1) continue;
    const argument = argumentAt(statement, set + ".set".length).trim();
    if (writesStatus(argument)) report(update.index, `sets status on ${table}`);
    else if (hasStatus && (!/^(\(\w*\)\s*=>\s*\()?\{/.test(argument) || argument.includes("..."))) {
      const { signature } = functionAt(code, update.index);
      if (!/Omit<[^>]*"status"/.test(signature)) report(update.index, `sets a change that may hold status on ${table}`);
    }
  }
  for (const upsert of code.matchAll(/\.doUpdateSet\(/g)) {
    if (writesStatus(argumentAt(code, upsert.index + ".doUpdateSet".length)))
      report(upsert.index, "upsert sets status");
  }
  for (const raw of code.matchAll(/\bupdate\s+["`]?(\w+)["`]?\s+set\b([^;`]*)/gi)) {
    if (/\bstatus\s*=/.test(raw[2]!)) report(raw.index, `raw SQL sets status on ${raw[1]}`);
  }
  return found;
}

describe("status writes", () => {
  const tables = statusTables();

  it("happen only in the transition step", () => {
    const files = scanned.flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const writes = files.flatMap((file) =>
      statusWrites(readFileSync(file, "utf8"), tables).map((w) => ({ file: path.relative(root, file), w })),
    );
    const isAllowed = ({ file, w }: { file: string; w: string }) =>
      allowed.some((a) => a.file === file && w.startsWith(`${a.fn}:`));
    expect(writes.filter((write) => !isAllowed(write)).map(({ file, w }) => `${file} ${w}`)).toEqual([]);
    // An exception that no longer matches anything must go.
    expect(
      allowed.filter((a) => !writes.some((write) => write.file === a.file && write.w.startsWith(`${a.fn}:`))),
    ).toEqual([]);
  });

  it("the outbox claim moves jobs only as the outbox machine allows", () => {
    expect(canTransition(outboxJobMachine.transitions, "pending", "running")).toBe(true);
    expect(canTransition(outboxJobMachine.transitions, "running", "running")).toBe(true);
  });

  it("the scan knows the status tables", () => {
    expect(tables).toContain("certificates");
    expect(tables).toContain("outbox_jobs");
    expect(tables).not.toContain("users");
  });

  it("the scan catches planted writes and leaves other updates alone", () => {
    const planted = `
      export async function a(db: DbOrTx, id: string) {
        await db.updateTable("certificates").set({ status: "revoked" }).where("id", "=", id).execute();
      }
      export async function b(db: DbOrTx, id: string, now: string) {
        await db
          .updateTable("payments")
          .set((eb) => ({ updated_at: now, "status": "paid" }))
          .where("id", "=", id)
          .execute();
      }
      export async function c(db: DbOrTx, id: string, change: Partial<PaymentsTable>) {
        await db.updateTable("payments").set(change).where("id", "=", id).execute();
      }
      export async function d(db: DbOrTx, id: string, change: Partial<PaymentsTable>) {
        await db.updateTable("payments").set({ ...change, updated_at: "x" }).where("id", "=", id).execute();
      }
      export async function g(db: DbOrTx, table: keyof Database, id: string, change: object) {
        await db.updateTable(table).set(change).where("id", "=", id).execute();
      }
      export async function e(db: DbOrTx, id: string) {
        await sql\`UPDATE payments SET paid_at = now(), status = 'paid' WHERE id = \${id}\`.execute(db);
      }
      export async function f(db: DbOrTx, row: PaymentsTable) {
        await db.insertInto("payments").values(row).onConflict((oc) => oc.column("id").doUpdateSet({ status: "paid" })).execute();
      }`;
    expect(statusWrites(planted, tables)).toEqual([
      "a: sets status on certificates",
      "b: sets status on payments",
      "c: sets a change that may hold status on payments",
      "d: sets a change that may hold status on payments",
      "g: sets a change that may hold status on table",
      "f: upsert sets status",
      "e: raw SQL sets status on payments",
    ]);
    const innocent = `
      export async function g(db: DbOrTx, id: string, now: string) {
        // status is only read here
        await db.updateTable("sms_codes").set({ consumed_at: now }).where("status", "=", "x").execute();
      }
      export async function h(db: DbOrTx, id: string, change: Partial<Omit<CertificatesTable, "id" | "status">>) {
        await db.updateTable("certificates").set(change).where("id", "=", id).execute();
      }
      export async function i(db: DbOrTx, id: string, change: Partial<UsersTable>) {
        await db.updateTable("users").set(change).where("id", "=", id).execute();
      }`;
    expect(statusWrites(innocent, tables)).toEqual([]);
  });
});
