import { createHash } from "node:crypto";
import { formatCapitalAmount, INVOICE_KIND_NAMES, type InvoiceKind, type InvoiceTitle } from "@lnca/contracts";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
// The CJK font and its subsetting are the seal form's (docs/ARCHITECTURE.md, "Enterprise information building blocks").
import { cjkFont } from "../enterprises/seal-form/cjk-font";
import { subsettingFontkit } from "../enterprises/seal-form/pdf-fontkit";
import { wrap } from "../enterprises/seal-form/seal-collection-form";

export interface DemoInvoiceData {
  /** 发票号码: 20 digits, as a 全电发票's. */
  number: string;
  kind: InvoiceKind;
  orderNo: string;
  buyer: InvoiceTitle;
  lines: { name: string; spec: string; amountFen: number }[];
  issuedAt: Date;
}

/** The seller of the demo: the platform itself, with a made-up (but well-formed) taxpayer number. */
export const DEMO_SELLER = {
  name: "辽宁 CA 互联互通服务平台（演示）",
  taxpayerNumber: "91210102MA0Y8D0Q2J",
  addressPhone: "辽宁省沈阳市和平区演示路 1 号 024-00000000",
  bankAccount: "演示银行沈阳分行 6200000000000000",
} as const;

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const MARGIN = 40;
const WIDTH = A4_LANDSCAPE.width - 2 * MARGIN;
const INK = rgb(0.55, 0.27, 0.07);
const TEXT = rgb(0, 0, 0);
const MUTED = rgb(0.45, 0.45, 0.45);
const LINE = 0.8;
const SIZE = 10;

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * A demo invoice, laid out like a 全电发票 (buyer and seller, the lines with their amounts, the total in figures
 * and in capitals), marked as a demo everywhere it is read: it lets the console's 【生成演示发票】 run the whole
 * issue path (stored PDF, audit row, e-mail with the PDF attached) without a tax-control system.
 */
export async function renderDemoInvoice(data: DemoInvoiceData): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(subsettingFontkit);
  const tag = Array.from(createHash("sha256").update(JSON.stringify(data)).digest().subarray(0, 6), (b) =>
    String.fromCharCode(65 + (b % 26)),
  ).join("");
  const font = await document.embedFont(await cjkFont("regular"), {
    subset: true,
    customName: `${tag}+NotoSansSC-Regular`,
  });
  const title = `${INVOICE_KIND_NAMES[data.kind]}（演示）`;
  document.setTitle(`${title} ${data.number}`);
  document.setLanguage("zh-CN");
  document.setCreator("辽宁 CA 互联互通服务平台");
  document.setCreationDate(data.issuedAt);
  document.setModificationDate(data.issuedAt);

  const page = document.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
  const top = A4_LANDSCAPE.height - MARGIN;
  centered(page, title, font, 20, top - 20);
  centered(page, "演示环境生成 · 不作为报销凭证", font, 10, top - 38, MUTED);
  text(page, font, `发票号码：${data.number}`, A4_LANDSCAPE.width - MARGIN - 220, top - 14);
  text(page, font, `开票日期：${chineseDate(data.issuedAt)}`, A4_LANDSCAPE.width - MARGIN - 220, top - 30);

  let y = drawParties(page, font, data.buyer, top - 56);
  y = drawLines(page, font, data.lines, y);
  const total = data.lines.reduce((sum, line) => sum + line.amountFen, 0);
  y = row(page, font, y, 26, [
    [`价税合计（大写）  ${formatCapitalAmount(total)}`, WIDTH * 0.7],
    [`（小写）¥${yuan(total)}`, WIDTH * 0.3],
  ]);
  row(page, font, y, 40, [
    ["备注", 60],
    [`订单号：${data.orderNo}　CA 数字证书延期年检服务费。本发票为演示发票，不具有法律效力。`, WIDTH - 60],
  ]);
  text(page, font, "开票人：演示运营", MARGIN, MARGIN - 10);
  return document.save();
}

/** 购买方 and 销售方 side by side, four lines each. */
function drawParties(page: PDFPage, font: PDFFont, buyer: InvoiceTitle, top: number): number {
  const height = 84;
  const half = WIDTH / 2;
  const parties: [string, string[]][] = [
    [
      "购买方信息",
      [
        `名称：${buyer.title}`,
        `统一社会信用代码/纳税人识别号：${buyer.taxpayerNumber ?? ""}`,
        `地址、电话：${[buyer.address, buyer.phone].filter(Boolean).join(" ")}`,
        `开户行及账号：${[buyer.bank, buyer.bankAccount].filter(Boolean).join(" ")}`,
      ],
    ],
    [
      "销售方信息",
      [
        `名称：${DEMO_SELLER.name}`,
        `统一社会信用代码/纳税人识别号：${DEMO_SELLER.taxpayerNumber}`,
        `地址、电话：${DEMO_SELLER.addressPhone}`,
        `开户行及账号：${DEMO_SELLER.bankAccount}`,
      ],
    ],
  ];
  parties.forEach(([label, lines], i) => {
    const x = MARGIN + i * half;
    page.drawRectangle({ x, y: top - height, width: half, height, borderColor: INK, borderWidth: LINE });
    page.drawText(label, { x: x + 8, y: top - 16, size: SIZE, font, color: INK });
    lines.forEach((line, j) => {
      const [first = ""] = wrap(line, font, 9, half - 24);
      page.drawText(first, { x: x + 16, y: top - 32 - j * 15, size: 9, font, color: TEXT });
    });
  });
  return top - height;
}

const COLUMNS: [string, number][] = [
  ["项目名称", 0.34],
  ["规格型号", 0.3],
  ["单位", 0.06],
  ["数量", 0.06],
  ["单价", 0.12],
  ["金额", 0.12],
];

function drawLines(page: PDFPage, font: PDFFont, lines: DemoInvoiceData["lines"], top: number): number {
  let y = row(
    page,
    font,
    top,
    22,
    COLUMNS.map(([label, share]) => [label, WIDTH * share]),
    INK,
  );
  for (const line of lines) {
    const cells = [`*信息技术服务*${line.name}`, line.spec, "项", "1", yuan(line.amountFen), yuan(line.amountFen)];
    y = row(
      page,
      font,
      y,
      20,
      cells.map((cell, i) => [cell, WIDTH * (COLUMNS[i]?.[1] ?? 0)]),
    );
  }
  const total = lines.reduce((sum, line) => sum + line.amountFen, 0);
  return row(page, font, y, 22, [
    ["合计", WIDTH * 0.88],
    [`¥${yuan(total)}`, WIDTH * 0.12],
  ]);
}

/** One row of cells (text, width) under `top`, each boxed; returns the row's bottom. */
function row(page: PDFPage, font: PDFFont, top: number, height: number, cells: [string, number][], color = TEXT) {
  let x = MARGIN;
  for (const [content, width] of cells) {
    page.drawRectangle({ x, y: top - height, width, height, borderColor: INK, borderWidth: LINE });
    const [first = ""] = wrap(content, font, 9, width - 10);
    page.drawText(first, { x: x + 5, y: top - height / 2 - 3, size: 9, font, color });
    x += width;
  }
  return top - height;
}

function text(page: PDFPage, font: PDFFont, content: string, x: number, y: number): void {
  page.drawText(content, { x, y, size: SIZE, font, color: TEXT });
}

function centered(page: PDFPage, content: string, font: PDFFont, size: number, y: number, color = INK): void {
  page.drawText(content, { x: (A4_LANDSCAPE.width - font.widthOfTextAtSize(content, size)) / 2, y, size, font, color });
}

function chineseDate(date: Date): string {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(date).split("-");
  return `${year}年${month}月${day}日`;
}
