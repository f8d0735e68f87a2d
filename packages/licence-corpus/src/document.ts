import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { LicenceTruth } from "./fields";
import { fontFamily, type LicenceFont } from "./fonts";
import type { Random } from "./random";

/** The licence sheet, drawn flat and upright at this size; the photo step distorts it afterwards. */
export const SHEET_WIDTH = 1600;
export const SHEET_HEIGHT = 1130;

const INK = "#1a1a1a";
const SEAL_RED = "rgba(214, 30, 36, 0.85)";
const FONT_SIZE = 28;
const LINE_HEIGHT = 44;

export interface SheetOptions {
  font: LicenceFont;
  /** a guilloche pattern over the whole sheet (security print, the `hard` kind) */
  guilloche: boolean;
  /** the registration seal pressed over the 住所 value instead of beside 登记机关 */
  sealOverAddress: boolean;
}

const SCOPES = [
  "计算机软硬件技术开发、技术咨询、技术服务；信息系统集成服务；电子产品、办公设备销售；",
  "建设工程施工；建筑材料、五金交电销售；工程技术咨询；货物进出口；技术进出口；",
  "机械设备租赁；普通货物仓储服务（不含危险化学品等需许可审批的项目）；",
  "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）",
];

/** Draws a 营业执照 (2019 layout: code top left, two columns of labelled fields, authority and seal bottom right). */
export function drawSheet(truth: LicenceTruth, random: Random, options: SheetOptions): Canvas {
  const canvas = createCanvas(SHEET_WIDTH, SHEET_HEIGHT);
  const ctx = canvas.getContext("2d");
  const family = fontFamily(options.font);
  ctx.fillStyle = random.pick(["#fbf8ef", "#fdfbf5", "#f7f3e6"]);
  ctx.fillRect(0, 0, SHEET_WIDTH, SHEET_HEIGHT);
  if (options.guilloche) drawGuilloche(ctx, random);
  drawFrame(ctx);
  drawEmblem(ctx, SHEET_WIDTH / 2, 92);
  ctx.fillStyle = INK;
  ctx.textBaseline = "middle";
  ctx.font = `96px "${family}"`;
  spaced(ctx, "营业执照", SHEET_WIDTH / 2 - 264, 215, 176);
  ctx.font = `26px "${family}"`;
  ctx.fillText("（副　　本）", SHEET_WIDTH / 2 - 78, 295);
  ctx.fillText("统一社会信用代码", 130, 120);
  ctx.font = `30px "${family}"`;
  ctx.fillText(truth.uscc, 130, 165);
  drawCode(ctx, random, 1340, 70, 150);

  ctx.font = `${FONT_SIZE}px "${family}"`;
  const left = { label: 130, value: 310, width: 560 };
  const right = { label: 930, value: 1100, width: 450 };
  const rows = [370, 440, 510, 580] as const;
  field(ctx, "名称", truth.name, left, rows[0]);
  field(ctx, "类型", truth.companyType, left, rows[1]);
  field(ctx, "法定代表人", truth.legalRepresentative, left, rows[2]);
  label(ctx, "经营范围", left.label, rows[3]);
  const scope = SCOPES.slice(random.int(0, 1), 4).join("");
  wrapped(ctx, scope, left.value, rows[3], 530, LINE_HEIGHT, 8);
  field(ctx, "注册资本", truth.registeredCapital, right, rows[0]);
  field(ctx, "成立日期", truth.establishedOn, right, rows[1]);
  field(ctx, "营业期限", `${truth.establishedOn}至${random.pick(["长期", "2045年12月31日"])}`, right, rows[2]);
  const addressLines = field(ctx, "住所", truth.address, right, rows[3]);

  const authority = truth.address.slice(3, truth.address.indexOf("市") + 1);
  ctx.fillText("登记机关", 1000, 930);
  ctx.font = `24px "${family}"`;
  ctx.fillText(`${random.int(2019, 2025)}年${random.int(1, 12)}月${random.int(1, 28)}日`, 1120, 1010);
  ctx.font = `20px "${family}"`;
  ctx.fillText("国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 130, 990);
  ctx.fillText("市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告", 130, 1020);

  const rowAt = rows[3];
  const seal = options.sealOverAddress
    ? { x: right.value + random.between(60, 260), y: rowAt + (LINE_HEIGHT * (addressLines - 1)) / 2 }
    : { x: 1200, y: 940 };
  drawSeal(ctx, seal.x, seal.y, `${authority}市场监督管理局`, family);
  return canvas;
}

function spaced(ctx: SKRSContext2D, text: string, x: number, y: number, step: number): void {
  [...text].forEach((char, i) => {
    ctx.fillText(char, x + i * step, y);
  });
}

/** A label as licences print it: two-character labels spread over the width of four characters. */
function label(ctx: SKRSContext2D, text: string, x: number, y: number): void {
  if ([...text].length === 2) spaced(ctx, text, x, y, FONT_SIZE * 3);
  else ctx.fillText(text, x, y);
}

/** A label and its value beside it, wrapped within the column; returns the number of value lines. */
function field(
  ctx: SKRSContext2D,
  name: string,
  value: string,
  column: { label: number; value: number; width: number },
  y: number,
): number {
  label(ctx, name, column.label, y);
  return wrapped(ctx, value, column.value, y, column.width, LINE_HEIGHT, 3);
}

function wrapped(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  width: number,
  lineHeight: number,
  maxLines: number,
): number {
  const lines: string[] = [];
  let line = "";
  for (const char of text) {
    if (ctx.measureText(line + char).width > width && line) {
      lines.push(line);
      line = "";
    }
    line += char;
  }
  if (line) lines.push(line);
  const shown = lines.slice(0, maxLines);
  shown.forEach((l, i) => {
    ctx.fillText(l, x, y + i * lineHeight);
  });
  return shown.length;
}

function drawFrame(ctx: SKRSContext2D): void {
  ctx.strokeStyle = "#b08a3c";
  ctx.lineWidth = 6;
  ctx.strokeRect(40, 40, SHEET_WIDTH - 80, SHEET_HEIGHT - 80);
  ctx.lineWidth = 2;
  ctx.strokeRect(56, 56, SHEET_WIDTH - 112, SHEET_HEIGHT - 112);
}

/** Fine interlaced sine curves in pale colours, like the security print under a licence's text. */
function drawGuilloche(ctx: SKRSContext2D, random: Random): void {
  const hue = random.pick(["rgba(120, 160, 200, 0.45)", "rgba(200, 150, 110, 0.45)", "rgba(150, 190, 150, 0.45)"]);
  ctx.strokeStyle = hue;
  ctx.lineWidth = 1.2;
  const period = random.between(60, 110);
  for (let band = -4; band < SHEET_HEIGHT / 18 + 4; band++) {
    ctx.beginPath();
    for (let x = 0; x <= SHEET_WIDTH; x += 4) {
      const y = band * 18 + 22 * Math.sin(x / period + band * 0.35) + 9 * Math.sin(x / (period / 3.1));
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}

function drawEmblem(ctx: SKRSContext2D, x: number, y: number): void {
  ctx.fillStyle = "#c8161d";
  ctx.beginPath();
  ctx.arc(x, y, 42, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#f2c230";
  star(ctx, x, y - 6, 18);
}

/** A square block pattern standing in for the licence's QR code: random modules and three finder squares. */
function drawCode(ctx: SKRSContext2D, random: Random, x: number, y: number, size: number): void {
  const cells = 25;
  const cell = size / cells;
  ctx.fillStyle = INK;
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      if (random.next() < 0.5) ctx.fillRect(x + c * cell, y + r * cell, cell, cell);
    }
  }
  for (const [fx, fy] of [
    [x, y],
    [x + size - 7 * cell, y],
    [x, y + size - 7 * cell],
  ] as const) {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(fx - cell, fy - cell, 9 * cell, 9 * cell);
    ctx.fillStyle = INK;
    ctx.fillRect(fx, fy, 7 * cell, 7 * cell);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(fx + cell, fy + cell, 5 * cell, 5 * cell);
    ctx.fillStyle = INK;
    ctx.fillRect(fx + 2 * cell, fy + 2 * cell, 3 * cell, 3 * cell);
  }
}

function star(ctx: SKRSContext2D, x: number, y: number, radius: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(x + r * Math.cos(angle), y + r * Math.sin(angle));
  }
  ctx.closePath();
  ctx.fill();
}

/** The round red registration seal: ring, star, the authority's name along the upper arc. */
function drawSeal(ctx: SKRSContext2D, x: number, y: number, authority: string, family: string): void {
  const radius = 105;
  ctx.save();
  // Seal ink over print: the print under it stays dark (multiply), as on paper.
  ctx.globalCompositeOperation = "multiply";
  ctx.strokeStyle = SEAL_RED;
  ctx.fillStyle = SEAL_RED;
  ctx.lineWidth = 7;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.stroke();
  star(ctx, x, y, 34);
  ctx.font = `bold 26px "${family}"`;
  ctx.textAlign = "center";
  const chars = [...authority];
  const spread = Math.PI * 1.25;
  chars.forEach((char, i) => {
    const angle = -Math.PI / 2 - spread / 2 + (spread * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.translate(x + (radius - 26) * Math.cos(angle), y + (radius - 26) * Math.sin(angle));
    ctx.rotate(angle + Math.PI / 2);
    ctx.fillText(char, 0, 0);
    ctx.restore();
  });
  ctx.font = `22px "${family}"`;
  ctx.fillText("登记专用章", x, y + 58);
  ctx.restore();
}
