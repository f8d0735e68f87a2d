import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as fontkit from "fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { cjkFont } from "./cjk-font";
import { subsettingFontkit } from "./pdf-fontkit";
import { renderSealCollectionForm, type SealCollectionFormData, wrap } from "./seal-collection-form";

const enterprise: SealCollectionFormData = {
  enterpriseName: "辽宁省沈阳市演示测试建设工程有限责任公司",
  uscc: "91350100M000100Y43",
  legalRepresentative: "王演示",
  address: "辽宁省沈阳市和平区南京北街 256 号 12 层 1201 室（沈阳国际金融中心 A 座）东侧办公区域",
  legalRepresentativeMobile: "13800138000",
  servicePointName: "沈阳市公共资源交易中心办理点",
  generatedAt: new Date("2026-11-30T16:30:00Z"),
};

/** The text of a PDF as a reader extracts it (Poppler's pdftotext, as installed by scripts/setup-system.sh). */
function extractText(pdf: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lnca-seal-form-")), "form.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Every embedded font of the PDF: its name and its decoded font program (FontFile2). */
async function embeddedFonts(pdf: Uint8Array): Promise<{ name: string; program: Uint8Array }[]> {
  const document = await PDFDocument.load(pdf);
  const fonts: { name: string; program: Uint8Array }[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const fontFile = object.get(PDFName.of("FontFile2"));
    const stream = fontFile instanceof PDFRef ? document.context.lookup(fontFile) : undefined;
    if (!(stream instanceof PDFRawStream)) throw new Error("a font without an embedded TrueType program");
    fonts.push({ name: String(object.get(PDFName.of("FontName"))), program: decodePDFRawStream(stream).decode() });
  }
  return fonts;
}

describe("电子签章印模采集表", () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderSealCollectionForm(enterprise);
  });

  it("is one A4 page, small enough to download and upload again", async () => {
    expect(pdf.byteLength).toBeLessThan(400 * 1024);
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(document.getTitle()).toBe(`电子签章印模采集表 - ${enterprise.enterpriseName}`);
  });

  it("embeds the CJK font as a subset of the glyphs used, regular and bold", async () => {
    const fonts = await embeddedFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^\/[A-Z]{6}\+/, "")).sort()).toEqual([
      "NotoSansSC-Bold",
      "NotoSansSC-Regular",
    ]);
    const fullFont = (await cjkFont("regular")).byteLength;
    for (const { program } of fonts) expect(program.byteLength).toBeLessThan(fullFont / 50);
  });

  it("draws every glyph of its subsets: none empty but the space", async () => {
    // The failure this guards against: a subset whose glyph offsets are misread renders most characters blank.
    for (const { program } of await embeddedFonts(pdf)) {
      const font = fontkit.create(Buffer.from(program));
      if (!("getGlyph" in font)) throw new Error("a font collection");
      expect(font.numGlyphs).toBeGreaterThan(20);
      const empty = Array.from({ length: font.numGlyphs - 1 }, (_, i) => font.getGlyph(i + 1)).filter(
        (glyph) => glyph.path.commands.length === 0,
      );
      expect(empty.length).toBeLessThanOrEqual(1);
    }
  });

  it("reads back with the enterprise's data, the boxes to stamp and sign, and the time in Beijing", () => {
    const text = extractText(pdf).replace(/\s+/g, "");
    for (const expected of [
      "电子签章印模采集表",
      enterprise.enterpriseName,
      enterprise.uscc,
      enterprise.legalRepresentative,
      "13800138000",
      "沈阳市公共资源交易中心办理点",
      "单位公章印模",
      "法定代表人签字（章）",
      "日期",
      "PDF、JPG或PNG",
      "2026-12-0100:30（北京时间）",
    ]) {
      expect(text).toContain(expected);
    }
    // The long address wraps onto two lines of the table, every character kept.
    expect(text).toContain(enterprise.address.replace(/\s+/g, ""));
  });

  it("leaves the optional fields blank to fill in by hand and stays on one page with long values", async () => {
    const long = await renderSealCollectionForm({
      ...enterprise,
      enterpriseName: "辽宁".repeat(30),
      address: "沈阳市".repeat(40),
      legalRepresentativeMobile: undefined,
      servicePointName: undefined,
    });
    expect((await PDFDocument.load(long)).getPageCount()).toBe(1);
    const text = extractText(long);
    expect(text).not.toContain("13800138000");
    expect(text.replace(/\s+/g, "")).toContain("辽宁".repeat(30));
  });
});

describe("line wrapping", () => {
  let font: Awaited<ReturnType<PDFDocument["embedFont"]>>;
  beforeAll(async () => {
    const document = await PDFDocument.create();
    document.registerFontkit(subsettingFontkit);
    font = await document.embedFont(await cjkFont("regular"), { subset: true });
  });

  it("breaks Chinese anywhere but keeps a code whole and closing punctuation after its text", () => {
    const width = font.widthOfTextAtSize("统一社会信用代码统一社会", 10);
    const lines = wrap("代码为 91350100M000100Y43 的企业，已完成", font, 10, width);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((line) => line.includes("91350100M000100Y43"))).toBe(true);
    expect(lines.join("").replace(/\s+/g, "")).toBe("代码为91350100M000100Y43的企业，已完成");
    const five = font.widthOfTextAtSize("一二三四五", 10);
    expect(wrap("一二三四五六七八九十", font, 10, five)).toEqual(["一二三四五", "六七八九十"]);
    expect(wrap("一二三四五。六七", font, 10, five)).toEqual(["一二三四五。", "六七"]);
    expect(wrap("", font, 10, five)).toEqual([""]);
  });
});
