/**
 * A LIKE pattern for "contains `text`". Wildcards typed by a person are dropped rather than escaped: SQLite has
 * no default escape character and PostgreSQL's is the backslash, so one escaped pattern would not mean the same
 * on both.
 */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, "")}%`;
}
