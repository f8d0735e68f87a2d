export type Point = readonly [number, number];
/** A 3×3 projective matrix, row-major. */
export type Homography = readonly number[];

/** The homography taking the four `from` points onto the four `to` points (solved by Gaussian elimination). */
export function homography(from: readonly Point[], to: readonly Point[]): Homography {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i] ?? [0, 0];
    const [u, v] = to[i] ?? [0, 0];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot] ?? [], rows[col] ?? []];
    const top = rows[col] ?? [];
    for (let r = 0; r < 8; r++) {
      const row = rows[r] ?? [];
      if (r === col) continue;
      const factor = (row[col] ?? 0) / (top[col] ?? 1);
      for (let k = col; k < 9; k++) row[k] = (row[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  const h = rows.map((row, i) => (row[8] ?? 0) / (row[i] ?? 1));
  return [...h, 1];
}

export function project(h: Homography, x: number, y: number): Point {
  const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + (h[8] ?? 1);
  return [((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w, ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w];
}
