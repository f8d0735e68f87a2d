import { type Canvas, createCanvas } from "@napi-rs/canvas";
import { homography, type Point, project } from "./geometry";
import type { Random } from "./random";

export interface Encoded {
  bytes: Uint8Array;
  mime: "image/jpeg" | "image/png";
}

/** A scan: the sheet turned by up to ±3°, slightly blurred, saved as PNG or as JPEG down to quality 60. */
export function scan(sheet: Canvas, random: Random): Encoded {
  const scale = random.between(0.8, 1);
  const width = Math.round(sheet.width * scale);
  const height = Math.round(sheet.height * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((random.between(-3, 3) * Math.PI) / 180);
  ctx.filter = `blur(${random.between(0, 1.2).toFixed(2)}px)`;
  ctx.drawImage(sheet, -width / 2, -height / 2, width, height);
  if (random.next() < 0.25) return { bytes: canvas.toBuffer("image/png"), mime: "image/png" };
  return { bytes: canvas.toBuffer("image/jpeg", random.int(60, 95)), mime: "image/jpeg" };
}

/**
 * A phone photo: the sheet tilted up to 10° out of plane in all (and a few degrees in plane) on a desk, lit unevenly,
 * with sensor noise, 700–1000 px wide, JPEG quality 45–70.
 */
export function photograph(sheet: Canvas, random: Random): Encoded {
  const width = random.int(700, 1000);
  const height = Math.round(width * 0.75);
  const quad = tiltedQuad(sheet, random, width, height);
  // Shrink with the canvas' own filtering first, so the warp below samples at about one pixel per pixel.
  const docWidth = Math.max(...quad.map((p) => p[0])) - Math.min(...quad.map((p) => p[0]));
  // A camera's pixel averages the light over its area: "high" smoothing filters the sheet down like that, where
  // the canvas' default samples points and drops strokes thinner than a photo pixel (print no eye could read).
  const small = createCanvas(Math.round(docWidth), Math.round((docWidth * sheet.height) / sheet.width));
  const shrink = small.getContext("2d");
  shrink.imageSmoothingQuality = "high";
  shrink.drawImage(sheet, 0, 0, small.width, small.height);
  const source = small.getContext("2d").getImageData(0, 0, small.width, small.height).data;
  const corners: Point[] = [
    [0, 0],
    [small.width - 1, 0],
    [small.width - 1, small.height - 1],
    [0, small.height - 1],
  ];
  const back = homography(quad, corners);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(width, height);
  const out = image.data;
  const desk = random.pick([
    [92, 72, 58],
    [60, 62, 66],
    [120, 110, 96],
  ]);
  const light = {
    gx: random.between(-0.35, 0.35),
    gy: random.between(-0.3, 0.3),
    hx: random.between(0, width),
    hy: random.between(0, height),
  };
  const noise = random.between(5, 12);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = project(back, x, y);
      const at = (y * width + x) * 4;
      const inside = sx >= 0 && sy >= 0 && sx < small.width - 1 && sy < small.height - 1;
      const spot = Math.exp(-((x - light.hx) ** 2 + (y - light.hy) ** 2) / (0.3 * width * width));
      const lit = 0.78 + light.gx * (x / width - 0.5) + light.gy * (y / height - 0.5) + 0.22 * spot;
      const grain = (random.next() + random.next() - 1) * noise;
      for (let c = 0; c < 3; c++) {
        const base = inside ? bilinear(source, small.width, sx, sy, c) : (desk[c] ?? 0);
        out[at + c] = base * lit + grain;
      }
      out[at + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return { bytes: canvas.toBuffer("image/jpeg", random.int(45, 70)), mime: "image/jpeg" };
}

/** Where the sheet's corners land in the photo: a pinhole camera looking at the sheet tilted about both axes. */
function tiltedQuad(sheet: Canvas, random: Random, width: number, height: number): Point[] {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const [ax, bx, g] = [random.between(-10, 10), random.between(-10, 10), rad(random.between(-4, 4))];
  // The tilts about the two axes add up: 10° about both is 14° off square. Kept within 10° of perspective in all.
  const within = Math.min(1, 10 / Math.hypot(ax, bx));
  const [a, b] = [rad(ax * within), rad(bx * within)];
  const half = [sheet.width / 2, sheet.height / 2] as const;
  const focal = sheet.width * 1.3;
  const projected = (
    [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const
  ).map(([sx, sy]): Point => {
    let [x, y, z] = [sx * half[0], sy * half[1], 0];
    [x, y] = [x * Math.cos(g) - y * Math.sin(g), x * Math.sin(g) + y * Math.cos(g)];
    [x, z] = [x * Math.cos(a) + z * Math.sin(a), -x * Math.sin(a) + z * Math.cos(a)];
    [y, z] = [y * Math.cos(b) - z * Math.sin(b), y * Math.sin(b) + z * Math.cos(b)];
    return [(focal * x) / (focal + z), (focal * y) / (focal + z)];
  });
  const xs = projected.map((p) => p[0]);
  const ys = projected.map((p) => p[1]);
  const fit =
    random.between(0.82, 0.93) *
    Math.min(width / (Math.max(...xs) - Math.min(...xs)), height / (Math.max(...ys) - Math.min(...ys)));
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return projected.map(([x, y]): Point => [width / 2 + (x - cx) * fit, height / 2 + (y - cy) * fit]);
}

function bilinear(data: Uint8ClampedArray, width: number, x: number, y: number, channel: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => data[(yy * width + xx) * 4 + channel] ?? 0;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
