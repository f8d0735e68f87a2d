/** A point of a grey picture, [x, y] in pixels. */
export type Point = [number, number];

/** A grey picture: one byte a pixel, row by row. */
export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Where along each side the edge is looked for (its ends are left out: the corners are what is in doubt). */
const SAMPLES = 32;
const FROM = 0.15;
const TO = 0.85;
/** How far across a side the edge is looked for, as a share of the picture's longer side. */
const REACH = 0.12;
/** How much brighter, in grey levels, the paper must be than what lies outside it for an edge to count. */
const MIN_STEP = 12;
/** How near to a side's line an edge point must lie to agree with it, in pixels. */
const AGREE = 1.5;
/** How many of the edge points found must agree with a side's line for it to be believed. */
const MIN_AGREEING = 0.4;

/** A corner of the first guess this far (a share of the picture's longer side) from the edges' is taken as wrong. */
const ASTRAY = 0.02;

/**
 * The sheet's corners found again from its four edges, where the first guess went astray: the bright region's
 * extreme points, which a bright desk corner joined to the paper pulls out, or a dark one cuts off. Along each
 * side of the guess, the strongest step up from outside to paper; a straight line through the points that agree
 * (most of them); the corners are where those lines meet. The guess is kept when every corner of it lies within
 * ASTRAY of the edges' (the recogniser reads a sheet warped a pixel or two otherwise no better: measured, the
 * same fields right over 80 photos), and when an edge is not found.
 */
export function cornersFromEdges(grey: Grey, guess: Point[]): Point[] {
  const lines = guess.map((from, k) => sideLine(grey, from, guess[(k + 1) % 4] ?? from));
  if (lines.some((line) => !line)) return guess;
  const corners = guess.map((_, k) => meet(lines[(k + 3) % 4] as Line, lines[k] as Line));
  const inside = ([x, y]: Point) =>
    x > -0.05 * grey.width && x < 1.05 * grey.width && y > -0.05 * grey.height && y < 1.05 * grey.height;
  if (!corners.every((corner): corner is Point => corner !== null && inside(corner))) return guess;
  const astray = ASTRAY * Math.max(grey.width, grey.height);
  const moved = corners.some((corner, k) => {
    const [x, y] = guess[k] ?? corner;
    return Math.hypot(corner[0] - x, corner[1] - y) > astray;
  });
  return moved ? corners : guess;
}

/** A straight line through `point` along the unit vector `direction`. */
interface Line {
  point: Point;
  direction: Point;
}

/** The paper's edge near the side from `a` to `b` (clockwise, so the paper lies to its right), or null. */
function sideLine(grey: Grey, a: Point, b: Point): Line | null {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length < 8) return null;
  const [ux, uy] = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  const [nx, ny] = [-uy, ux];
  const reach = Math.round(REACH * Math.max(grey.width, grey.height));
  const points: Point[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const t = FROM + ((TO - FROM) * k) / (SAMPLES - 1);
    const [px, py] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    let best = { step: MIN_STEP, at: Number.NaN };
    for (let s = -reach; s <= reach; s++) {
      const step = stepUp(grey, px + s * nx, py + s * ny, nx, ny);
      if (step > best.step) best = { step, at: s };
    }
    if (!Number.isNaN(best.at)) points.push([px + best.at * nx, py + best.at * ny]);
  }
  return fitLine(points);
}

/**
 * How much brighter the three pixels inward of a point are than the three outward (along the normal); nothing
 * (NaN) where they leave the picture, whose border is no edge of the paper.
 */
function stepUp(grey: Grey, x: number, y: number, nx: number, ny: number): number {
  let step = 0;
  for (let d = 1; d <= 3; d++) step += at(grey, x + d * nx, y + d * ny) - at(grey, x - d * nx, y - d * ny);
  return step / 3;
}

function at({ data, width, height }: Grey, x: number, y: number): number {
  const [cx, cy] = [Math.round(x), Math.round(y)];
  if (cx < 0 || cy < 0 || cx >= width || cy >= height) return Number.NaN;
  return data[cy * width + cx] ?? 0;
}

/**
 * The line most of the points lie on: of the lines through every two points, the one most others agree with,
 * then fitted to those by least squares; null when too few agree.
 */
function fitLine(points: Point[]): Line | null {
  let agreeing: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const [p, q] = [points[i] as Point, points[j] as Point];
      const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (length < 1) continue;
      const direction: Point = [(q[0] - p[0]) / length, (q[1] - p[1]) / length];
      const near = points.filter((r) => distance({ point: p, direction }, r) <= AGREE);
      if (near.length > agreeing.length) agreeing = near;
    }
  }
  if (agreeing.length < Math.max(4, MIN_AGREEING * SAMPLES)) return null;
  return leastSquares(agreeing);
}

const distance = ({ point, direction }: Line, [x, y]: Point) =>
  Math.abs((x - point[0]) * direction[1] - (y - point[1]) * direction[0]);

/** The line through the points' mean along their principal direction. */
function leastSquares(points: Point[]): Line {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let [xx, xy, yy] = [0, 0, 0];
  for (const [x, y] of points) {
    xx += (x - mx) ** 2;
    xy += (x - mx) * (y - my);
    yy += (y - my) ** 2;
  }
  const angle = Math.atan2(2 * xy, xx - yy) / 2;
  return { point: [mx, my], direction: [Math.cos(angle), Math.sin(angle)] };
}

/** Where two lines meet, or null when they are (nearly) parallel. */
function meet(a: Line, b: Line): Point | null {
  const cross = a.direction[0] * b.direction[1] - a.direction[1] * b.direction[0];
  if (Math.abs(cross) < 1e-6) return null;
  const [dx, dy] = [b.point[0] - a.point[0], b.point[1] - a.point[1]];
  const t = (dx * b.direction[1] - dy * b.direction[0]) / cross;
  return [a.point[0] + t * a.direction[0], a.point[1] + t * a.direction[1]];
}
