/** The error codes PostgreSQL and SQLite raise when a unique constraint refuses a row. */
const UNIQUE_VIOLATION_CODES = new Set(["23505", "SQLITE_CONSTRAINT_UNIQUE"]);

/** Two writers raced past the same check and the database's unique constraint refused the later one. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNIQUE_VIOLATION_CODES.has(code);
}
