import sharp from "sharp";
import { cornersFromEdges, type Point } from "./sheet-edges";

/** Licences are straightened onto a sheet of this width before detection: about 28 px per character. */
export const SHEET_WIDTH = 1600;

/**
 * The straightened licence: raw RGB pixels for the detector and to cut each line from, and the same pixels with
 * what is left of the seal lifted towards paper (`lifted`), for a second reading of a doubtful line.
 */
export interface Sheet {
  rgb: Buffer;
  lifted: Buffer;
  width: number;
  height: number;
}

interface Rgb {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Gets a photo or scan ready for the OCR: upright by its EXIF, the red seal taken out by its colour (the ink
 * under it stays: only pixels much redder than they are green or blue go), the sheet found on its background
 * and its perspective undone onto an upright sheet SHEET_WIDTH wide.
 */
export async function prepareLicenceImage(bytes: Uint8Array): Promise<Sheet> {
  const { data, info } = await sharp(bytes).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const image: Rgb = { data, width: info.width, height: info.height };
  removeSeal(image);
  const quad = sheetCorners(image);
  const straight = quad ? warp(image, quad) : image;
  const out = sharp(straight.data, { raw: { width: straight.width, height: straight.height, channels: 3 } });
  const resized = await (quad ? out : out.resize({ width: SHEET_WIDTH })).raw().toBuffer({ resolveWithObject: true });
  // The detector letterboxes its input to multiples of 32 (centred), which would shift its boxes off this
  // sheet's pixels: the sheet is extended with paper at the bottom to a multiple of 32 instead.
  const bottom = (32 - (resized.info.height % 32)) % 32;
  const raw = { width: resized.info.width, height: resized.info.height, channels: 3 as const };
  const { data: rgb, info: size } = await sharp(resized.data, { raw })
    .extend({ bottom, background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [plain, lifted] = [greyOf(rgb, 0), greyOf(rgb, 1)];
  return { rgb: plain, lifted, width: size.width, height: size.height };
}

/** One channel of an RGB buffer as grey RGB. */
function greyOf(rgb: Buffer, channel: number): Buffer {
  const out = Buffer.alloc(rgb.length);
  for (let i = 0; i < rgb.length; i += 3) {
    const grey = rgb[i + channel] ?? 0;
    out[i] = grey;
    out[i + 1] = grey;
    out[i + 2] = grey;
  }
  return out;
}

/** Red (Cr) above which a pixel starts to count as under the seal, and the span over which it comes to count fully. */
const SEAL_CHROMA = 10;
const SEAL_CHROMA_SPAN = 30;
/** How much of the way to paper the grey under the seal is lifted, where the seal covers the pixel fully. */
const SEAL_LIFT = 0.35;

/**
 * Takes the red seal out: red ink absorbs green and blue but lets red through, so in the red channel the seal
 * all but vanishes — paper bright, black print dark, under the seal as elsewhere. The whole picture becomes
 * that grey (slightly lifted for the light the ink takes from red as well): a threshold on redness missed the
 * seal's edges, which JPEG's halved colour resolution leaves pinkish grey over the print. That same halved
 * resolution leaves the seal's thin strokes a grey ghost in the red channel; a second grey, in the green channel,
 * lifts each pixel by how red it is (its chroma) towards paper: the ghost goes, print under it pales a little.
 * The detector reads the first; a doubtful line is read from both (see PaddleEngine).
 */
export function removeSeal(image: Rgb): void {
  const { data } = image;
  for (let i = 0; i < data.length; i += 3) {
    const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
    const chroma = 0.5 * r - 0.4187 * g - 0.0813 * b;
    const cover = Math.min(1, Math.max(0, (chroma - SEAL_CHROMA) / SEAL_CHROMA_SPAN));
    const grey = Math.min(255, r * 1.15);
    data[i] = grey;
    data[i + 1] = Math.min(255, grey / (1 - SEAL_LIFT * cover));
    data[i + 2] = grey;
  }
}

/**
 * The corners of the sheet (light paper on a darker surface), clockwise from top left, or null when the sheet
 * fills the picture (a scan). Found on a small grey copy: Otsu's threshold, the largest bright region, its
 * extreme points along the two diagonals, then the paper's four edges near them (see cornersFromEdges).
 */
export function sheetCorners(image: Rgb): Point[] | null {
  const step = Math.max(1, Math.floor(image.width / 400));
  const w = Math.floor(image.width / step);
  const h = Math.floor(image.height / step);
  const grey = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = (y * step * image.width + x * step) * 3;
      grey[y * w + x] = image.data[at] ?? 0;
    }
  }
  const bright = largestRegion(grey, w, h, otsu(grey));
  if (bright.length > 0.97 * w * h || bright.length < 0.2 * w * h) return null;
  let [tl, br, tr, bl] = [0, 0, 0, 0].map(() => bright[0] ?? 0) as [number, number, number, number];
  const sum = (p: number) => (p % w) + Math.floor(p / w);
  const diff = (p: number) => (p % w) - Math.floor(p / w);
  for (const p of bright) {
    if (sum(p) < sum(tl)) tl = p;
    if (sum(p) > sum(br)) br = p;
    if (diff(p) > diff(tr)) tr = p;
    if (diff(p) < diff(bl)) bl = p;
  }
  const guess = [tl, tr, br, bl].map((p): Point => [p % w, Math.floor(p / w)]);
  // A scan's paper reaches the picture's corners: its edges are the printed frame's, not the paper's.
  const frame: Point[] = [
    [0, 0],
    [w - 1, 0],
    [w - 1, h - 1],
    [0, h - 1],
  ];
  const scanned = guess.every(([x, y], k) => Math.hypot(x - (frame[k]?.[0] ?? 0), y - (frame[k]?.[1] ?? 0)) <= 2);
  const corners = scanned ? guess : cornersFromEdges({ data: grey, width: w, height: h }, guess);
  return corners.map(([x, y]): Point => [x * step, y * step]);
}

function otsu(grey: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of grey) histogram[v] = (histogram[v] ?? 0) + 1;
  const total = grey.length;
  const sumAll = histogram.reduce((s, n, v) => s + n * v, 0);
  let [best, threshold, weightBack, sumBack] = [0, 127, 0, 0];
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t] ?? 0;
    if (weightBack === 0 || weightBack === total) continue;
    sumBack += t * (histogram[t] ?? 0);
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / (total - weightBack);
    const between = weightBack * (total - weightBack) * (meanBack - meanFore) ** 2;
    if (between > best) [best, threshold] = [between, t];
  }
  return threshold;
}

/** The pixel indexes of the largest 4-connected region brighter than `threshold`. */
function largestRegion(grey: Uint8Array, w: number, h: number, threshold: number): number[] {
  const seen = new Uint8Array(w * h);
  let largest: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || (grey[start] ?? 0) <= threshold) continue;
    const region: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const p = stack.pop() ?? 0;
      region.push(p);
      const x = p % w;
      for (const q of [p - w, p + w, x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1]) {
        if (q >= 0 && q < w * h && !seen[q] && (grey[q] ?? 0) > threshold) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (region.length > largest.length) largest = region;
  }
  return largest;
}

/** Maps the quadrilateral onto an upright sheet SHEET_WIDTH wide (aspect from the quad's mean side lengths). */
function warp(image: Rgb, quad: Point[]): Rgb {
  const length = (a: Point | undefined, b: Point | undefined) =>
    Math.hypot((a?.[0] ?? 0) - (b?.[0] ?? 0), (a?.[1] ?? 0) - (b?.[1] ?? 0));
  const [tl, tr, br, bl] = quad;
  const aspect = (length(tl, tr) + length(bl, br)) / (length(tl, bl) + length(tr, br));
  const width = SHEET_WIDTH;
  const height = Math.round(width / aspect);
  const h = homography(
    [
      [0, 0],
      [width - 1, 0],
      [width - 1, height - 1],
      [0, height - 1],
    ],
    quad,
  );
  const out = Buffer.alloc(width * height * 3, 255);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = h6 * x + h7 * y + h8;
      const sx = (h0 * x + h1 * y + h2) / d;
      const sy = (h3 * x + h4 * y + h5) / d;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= image.width - 1 || y0 >= image.height - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const a = (y0 * image.width + x0) * 3;
      const b = a + image.width * 3;
      for (let c = 0; c < 3; c++) {
        const top = (image.data[a + c] ?? 0) * (1 - fx) + (image.data[a + 3 + c] ?? 0) * fx;
        const bottom = (image.data[b + c] ?? 0) * (1 - fx) + (image.data[b + 3 + c] ?? 0) * fx;
        out[(y * width + x) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { data: out, width, height };
}

/** The projective map taking `from` onto `to` (four point pairs), solved by Gaussian elimination. */
export function homography(
  from: Point[],
  to: Point[],
): [number, number, number, number, number, number, number, number, number] {
  const rows = from.flatMap(([x, y], i) => {
    const [u, v] = to[i] ?? [0, 0];
    return [
      [x, y, 1, 0, 0, 0, -u * x, -u * y, u],
      [0, 0, 0, x, y, 1, -v * x, -v * y, v],
    ];
  });
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot] ?? [], rows[col] ?? []];
    const top = rows[col] ?? [];
    for (const row of rows) {
      if (row === top) continue;
      const factor = (row[col] ?? 0) / (top[col] ?? 1);
      for (let k = col; k < 9; k++) row[k] = (row[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  const s = rows.map((row, i) => (row[8] ?? 0) / (row[i] ?? 1));
  return [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0, s[3] ?? 0, s[4] ?? 0, s[5] ?? 0, s[6] ?? 0, s[7] ?? 0, 1];
}
