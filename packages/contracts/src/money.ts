/** Formats integer fen as yuan for display: 30000 → "300", 12345 → "123.45". */
export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = Math.abs(fen % 100);
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, "0")}`;
}
