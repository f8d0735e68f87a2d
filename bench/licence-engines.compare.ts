/**
 * PaddleOCR against Tesseract 5 (`chi_sim`, Debian's tesseract-ocr) on the same generated licences, the same
 * preprocessing and the same layout extraction: run by hand (`npx tsx bench/licence-engines.compare.ts [count]`)
 * when the engine choice is revisited; docs/LICENCE-RECOGNITION.md keeps the numbers. Tesseract's words are
 * joined into boxes the way a text detector gives them: a line, cut where the gap between words is wider than
 * the line is high (so a label and its value, or the two columns, stay apart).
 */
import { execFileSync } from "node:child_process";
import { fieldsRight, LICENCE_FIELDS, type LicenceKind, licenceCorpus } from "@lnca/licence-corpus";
import sharp from "sharp";
import { prepareLicenceImage, type Sheet } from "../apps/server/src/adapters/recognition/licence-image";
import { extractLicenceFields } from "../apps/server/src/adapters/recognition/licence-layout";
import type { OcrLine } from "../apps/server/src/adapters/recognition/ocr-line";
import { PaddleEngine } from "../apps/server/src/adapters/recognition/paddle-engine";

interface Word {
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

function tesseract(png: Buffer): OcrLine[] {
  const tsv = execFileSync("tesseract", ["stdin", "stdout", "-l", "chi_sim", "--psm", "6", "--dpi", "300", "tsv"], {
    input: png,
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    maxBuffer: 16 * 1024 * 1024,
  }).toString("utf8");
  const words: Word[] = tsv
    .split("\n")
    .slice(1)
    .map((row) => row.split("\t"))
    .filter((c) => c[0] === "5" && (c[11] ?? "").trim())
    .map((c) => ({
      line: `${c[2]}.${c[3]}.${c[4]}`,
      left: Number(c[6]),
      top: Number(c[7]),
      width: Number(c[8]),
      height: Number(c[9]),
      text: (c[11] ?? "").trim(),
    }));
  const boxes: OcrLine[] = [];
  let current: Word[] = [];
  const flush = () => {
    if (!current.length) return;
    const left = Math.min(...current.map((w) => w.left));
    const top = Math.min(...current.map((w) => w.top));
    const right = Math.max(...current.map((w) => w.left + w.width));
    const bottom = Math.max(...current.map((w) => w.top + w.height));
    boxes.push({
      text: current.map((w) => w.text).join(""),
      box: [
        [left, top],
        [right, top],
        [right, bottom],
        [left, bottom],
      ],
    });
    current = [];
  };
  for (const word of words) {
    const last = current.at(-1);
    const height = Math.max(word.height, last?.height ?? 0);
    if (last && (last.line !== word.line || word.left - (last.left + last.width) > height)) flush();
    current.push(word);
  }
  flush();
  return boxes;
}

const count = Number(process.argv[2] ?? 10);
const paddle = await PaddleEngine.load();
const engines: Record<string, (sheet: Sheet) => Promise<OcrLine[]>> = {
  paddleocr: (sheet) => paddle.read(sheet),
  tesseract: async ({ rgb, width, height }) =>
    tesseract(
      await sharp(rgb, { raw: { width, height, channels: 3 } })
        .png()
        .toBuffer(),
    ),
};
for (const kind of ["clean", "hard"] as LicenceKind[]) {
  const corpus = licenceCorpus(count, kind, 1000);
  for (const [engine, read] of Object.entries(engines)) {
    const right = Object.fromEntries(LICENCE_FIELDS.map((f) => [f, 0])) as Record<string, number>;
    let ms = 0;
    for (const licence of corpus) {
      const started = performance.now();
      const fields = extractLicenceFields(await read(await prepareLicenceImage(licence.bytes)));
      ms += performance.now() - started;
      const scores = fieldsRight(licence.truth, fields);
      for (const field of LICENCE_FIELDS) if (scores[field]) right[field] = (right[field] ?? 0) + 1;
    }
    const total = Object.values(right).reduce((a, b) => a + b, 0);
    console.info(
      `${kind} ${engine}: ${total}/${count * LICENCE_FIELDS.length} fields, ${(ms / count / 1000).toFixed(2)} s a licence;`,
      LICENCE_FIELDS.map((f) => `${f} ${right[f]}/${count}`).join(", "),
    );
  }
}
