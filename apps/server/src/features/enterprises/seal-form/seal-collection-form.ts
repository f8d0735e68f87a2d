import { createHash } from "node:crypto";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { type CjkWeight, cjkFont } from "./cjk-font";
import { subsettingFontkit } from "./pdf-fontkit";

export interface SealCollectionFormData {
  enterpriseName: string;
  uscc: string;
  legalRepresentative: string;
  address: string;
  legalRepresentativeMobile?: string;
  servicePointName?: string;
  generatedAt: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_WIDTH = 130;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.4, 0.4, 0.4);
const SHADE = rgb(0.94, 0.94, 0.94);
const LINE = 0.8;
const BOX_HEIGHT = 210;
const MIN_BOX_HEIGHT = 160;
const DATE_ROW = 44;
const NOTE_SIZE = 10;
const NOTE_LEADING = 15;

const NOTES = [
  "请用 A4 纸打印本表，并核对表中的企业信息。",
  "在“单位公章印模”框内加盖单位公章，印模清晰完整、不压框线；法定代表人在“法定代表人签字（章）”框内签字或加盖个人名章，并填写日期。",
  "将盖章后的本表扫描或拍照，在“签署信息”步骤上传（PDF、JPG 或 PNG 格式）。",
  "本表仅用于在本平台制作电子签章；企业信息有变更时，请重新下载本表。",
];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * The 电子签章印模采集表 of step 3 (签署信息): one A4 page, pre-filled with the enterprise's data, which the
 * enterprise prints, stamps with its official seal and uploads. The CJK font is embedded as a subset of the
 * glyphs used, so the file stays small (tens of KB) and prints the same on any machine.
 */
export async function renderSealCollectionForm(data: SealCollectionFormData): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(subsettingFontkit);
  const embed = async (weight: CjkWeight, postscriptName: string) =>
    document.embedFont(await cjkFont(weight), { subset: true, customName: subsetName(postscriptName, data) });
  const fonts: Fonts = {
    regular: await embed("regular", "NotoSansSC-Regular"),
    bold: await embed("bold", "NotoSansSC-Bold"),
  };
  document.setTitle(`电子签章印模采集表 - ${data.enterpriseName}`);
  document.setLanguage("zh-CN");
  document.setCreator("辽宁 CA 互联互通服务平台");
  document.setCreationDate(data.generatedAt);
  document.setModificationDate(data.generatedAt);

  const page = document.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  y = drawTitle(page, fonts, y);
  y = drawEnterpriseTable(page, fonts, data, y - 24);
  const notes = noteLines(fonts);
  // Long names and addresses make the table taller: the boxes give way, down to what a 42 mm seal still fits in.
  const room = y - 20 - DATE_ROW - 24 - notesHeight(notes) - (MARGIN + 10);
  y = drawSignatureBoxes(page, fonts, y - 20, Math.max(MIN_BOX_HEIGHT, Math.min(BOX_HEIGHT, room)));
  drawNotes(page, fonts, notes, y - 24);
  drawFooter(page, fonts, data.generatedAt);
  return document.save();
}

/**
 * A subset font is named `ABCDEF+Name` (PDF 32000 §9.6.4): six capitals, here from the data the form shows,
 * so two different subsets never share a name and the same form always gets the same one.
 */
function subsetName(postscriptName: string, data: SealCollectionFormData): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([postscriptName, data]))
    .digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
  return `${tag}+${postscriptName}`;
}

function drawTitle(page: PDFPage, fonts: Fonts, top: number): number {
  const title = "电子签章印模采集表";
  drawCentered(page, title, fonts.bold, 22, top - 22);
  drawCentered(page, "辽宁 CA 互联互通服务平台 · 企业信息审核", fonts.regular, 10, top - 44, MUTED);
  return top - 50;
}

function drawEnterpriseTable(page: PDFPage, fonts: Fonts, data: SealCollectionFormData, top: number): number {
  const rows: [string, string][] = [
    ["单位名称", data.enterpriseName],
    ["统一社会信用代码", data.uscc],
    ["法定代表人", data.legalRepresentative],
    ["法定代表人手机号", data.legalRepresentativeMobile ?? ""],
    ["住所", data.address],
    ["办理点", data.servicePointName ?? ""],
  ];
  const size = 11;
  const leading = 16;
  let y = top;
  for (const [label, value] of rows) {
    const lines = wrap(value, fonts.regular, size, CONTENT_WIDTH - LABEL_WIDTH - 20);
    const height = Math.max(30, lines.length * leading + 14);
    y -= height;
    page.drawRectangle({ x: MARGIN, y, width: LABEL_WIDTH, height, color: SHADE, borderColor: INK, borderWidth: LINE });
    page.drawRectangle({
      x: MARGIN + LABEL_WIDTH,
      y,
      width: CONTENT_WIDTH - LABEL_WIDTH,
      height,
      borderColor: INK,
      borderWidth: LINE,
    });
    const middle = y + height / 2 - size * 0.35;
    page.drawText(label, { x: MARGIN + 10, y: middle, size, font: fonts.bold, color: INK });
    lines.forEach((line, i) => {
      const baseline = middle + ((lines.length - 1) / 2 - i) * leading;
      page.drawText(line, { x: MARGIN + LABEL_WIDTH + 10, y: baseline, size, font: fonts.regular, color: INK });
    });
  }
  return y;
}

/** Two square-ish boxes side by side (seal, signature) and the date row under them. */
function drawSignatureBoxes(page: PDFPage, fonts: Fonts, top: number, height: number): number {
  const gap = 16;
  const width = (CONTENT_WIDTH - gap) / 2;
  const boxes = [
    { label: "单位公章印模", hint: "（请在框内加盖单位公章）", x: MARGIN },
    { label: "法定代表人签字（章）", hint: "（签字或加盖个人名章）", x: MARGIN + width + gap },
  ];
  for (const box of boxes) {
    page.drawRectangle({ x: box.x, y: top - height, width, height, borderColor: INK, borderWidth: LINE });
    page.drawRectangle({ x: box.x, y: top - 28, width, height: 28, color: SHADE, borderColor: INK, borderWidth: LINE });
    drawCentered(page, box.label, fonts.bold, 12, top - 19, INK, box.x, width);
    drawCentered(page, box.hint, fonts.regular, 9, top - height + 10, MUTED, box.x, width);
  }
  const dateTop = top - height - 12;
  const dateHeight = DATE_ROW - 12;
  page.drawRectangle({ x: MARGIN, y: dateTop - dateHeight, width: LABEL_WIDTH, height: dateHeight, color: SHADE });
  page.drawRectangle({
    x: MARGIN,
    y: dateTop - dateHeight,
    width: CONTENT_WIDTH,
    height: dateHeight,
    borderColor: INK,
    borderWidth: LINE,
  });
  page.drawLine({
    start: { x: MARGIN + LABEL_WIDTH, y: dateTop },
    end: { x: MARGIN + LABEL_WIDTH, y: dateTop - dateHeight },
    thickness: LINE,
    color: INK,
  });
  const baseline = dateTop - dateHeight / 2 - 4;
  page.drawText("日期", { x: MARGIN + 10, y: baseline, size: 11, font: fonts.bold, color: INK });
  // Blanks to write the date into by hand: wide before 年, narrower before 月 and 日.
  for (const [text, x] of [
    ["年", 300],
    ["月", 370],
    ["日", 440],
  ] as const) {
    page.drawText(text, { x: MARGIN + x, y: baseline, size: 11, font: fonts.regular, color: INK });
  }
  return dateTop - dateHeight;
}

/** Each note as its number and its lines, wrapped under the text of the first line. */
function noteLines(fonts: Fonts): { number: string; indent: number; lines: string[] }[] {
  return NOTES.map((note, i) => {
    const number = `${i + 1}. `;
    const indent = fonts.regular.widthOfTextAtSize(number, NOTE_SIZE);
    return { number, indent, lines: wrap(note, fonts.regular, NOTE_SIZE, CONTENT_WIDTH - indent) };
  });
}

function notesHeight(notes: ReturnType<typeof noteLines>): number {
  return 30 + notes.reduce((sum, note) => sum + note.lines.length, 0) * NOTE_LEADING;
}

function drawNotes(page: PDFPage, fonts: Fonts, notes: ReturnType<typeof noteLines>, top: number): void {
  const size = NOTE_SIZE;
  page.drawText("说明", { x: MARGIN, y: top - size, size: 11, font: fonts.bold, color: INK });
  let y = top - size - 20;
  for (const { number, indent, lines } of notes) {
    page.drawText(number, { x: MARGIN, y, size, font: fonts.regular, color: INK });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + indent, y, size, font: fonts.regular, color: INK });
      y -= NOTE_LEADING;
    }
  }
}

function drawFooter(page: PDFPage, fonts: Fonts, generatedAt: Date): void {
  const text = `本表由辽宁 CA 互联互通服务平台于 ${beijingTime(generatedAt)}（北京时间）生成`;
  drawCentered(page, text, fonts.regular, 9, MARGIN - 20, MUTED);
}

function drawCentered(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  y: number,
  color = INK,
  left = MARGIN,
  width = CONTENT_WIDTH,
): void {
  const x = left + (width - font.widthOfTextAtSize(text, size)) / 2;
  page.drawText(text, { x, y, size, font, color });
}

/** Closing punctuation never starts a line (GB/T 15834 line-breaking rules); it stays after its text. */
const NO_LINE_START = new Set("，。、；：？！）》」』”’…".split(""));

/**
 * Breaks text into lines that fit the width. Chinese has no spaces to break at, so a line may end after any
 * character; a run of Latin letters or digits (a USCC, a street number) is kept whole when it fits on a line.
 */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  const tokens = text.match(/[A-Za-z0-9]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (fits(line + token) || (NO_LINE_START.has(token) && line)) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = "";
    for (const char of token.trimStart()) {
      if (!fits(line + char) && line) {
        lines.push(line);
        line = "";
      }
      line += char;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

function beijingTime(date: Date): string {
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}
