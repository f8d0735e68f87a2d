import { createHash } from "node:crypto";
import { marked, type Token, type Tokens } from "marked";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { cjkFont } from "../enterprises/seal-form/cjk-font";
import { subsettingFontkit } from "../enterprises/seal-form/pdf-fontkit";
import { wrap } from "../enterprises/seal-form/seal-collection-form";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.4, 0.4, 0.4);
const BODY = { size: 10.5, leading: 17 };
const HEADINGS: Record<number, { size: number; before: number; after: number }> = {
  1: { size: 19, before: 0, after: 18 },
  2: { size: 14, before: 16, after: 8 },
  3: { size: 11.5, before: 10, after: 4 },
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * The FAQ (docs/FAQ.md) as an A4 PDF for the 下载中心: headings, paragraphs and (nested) lists of the Markdown,
 * laid out with the seal form's font and line breaking. The same text gives the same bytes (fixed dates, subset
 * names from the text), so the download's SHA-256 changes only when the FAQ does.
 */
export async function renderFaqPdf(markdown: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(subsettingFontkit);
  const tag = subsetTag(markdown);
  const fonts: Fonts = {
    regular: await document.embedFont(await cjkFont("regular"), { subset: true, customName: `${tag}+NotoSansSC` }),
    bold: await document.embedFont(await cjkFont("bold"), { subset: true, customName: `${tag}+NotoSansSC-Bold` }),
  };
  const tokens = marked.lexer(markdown);
  const title = tokens.find((t): t is Tokens.Heading => t.type === "heading" && t.depth === 1);
  const fixedDate = new Date("2020-01-01T00:00:00Z");
  document.setTitle(title ? plain(title.tokens) : "常见问题");
  document.setLanguage("zh-CN");
  document.setCreator("辽宁 CA 互联互通服务平台");
  document.setProducer("辽宁 CA 互联互通服务平台");
  document.setCreationDate(fixedDate);
  document.setModificationDate(fixedDate);
  const writer = new PageWriter(document, fonts);
  for (const token of tokens) writer.block(token, 0);
  writer.numberPages();
  return document.save();
}

class PageWriter {
  private page: PDFPage;
  private y = A4.height - MARGIN;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.newPage();
  }

  block(token: Token, indent: number): void {
    if (token.type === "heading") {
      const style = HEADINGS[token.depth] ?? HEADINGS[3];
      if (!style) return;
      this.y -= style.before;
      // A heading never ends a page: keep room for it and two lines of what follows.
      this.lines(plain(token.tokens ?? []), this.fonts.bold, style.size, style.size * 1.5, indent, 2 * BODY.leading);
      this.y -= style.after;
    } else if (token.type === "paragraph" || token.type === "text") {
      this.lines(plain(token.tokens ?? [token]), this.fonts.regular, BODY.size, BODY.leading, indent);
      this.y -= 6;
    } else if (token.type === "list") {
      const list = token as Tokens.List;
      list.items.forEach((item, i) => {
        const marker = list.ordered ? `${Number(list.start || 1) + i}.` : "•";
        const markerWidth = 16;
        this.ensure(BODY.leading);
        this.page.drawText(marker, {
          x: MARGIN + indent,
          y: this.y - BODY.size,
          size: BODY.size,
          font: this.fonts.regular,
          color: INK,
        });
        for (const child of item.tokens) this.block(child, indent + markerWidth);
      });
      this.y -= 4;
    }
  }

  private lines(text: string, font: PDFFont, size: number, leading: number, indent: number, keep = 0): void {
    const lines = wrap(text, font, size, WIDTH - indent);
    this.ensure(Math.min(lines.length * leading, leading) + keep);
    for (const line of lines) {
      this.ensure(leading);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: INK });
      this.y -= leading;
    }
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.document.addPage([A4.width, A4.height]);
    this.pages.push(page);
    this.y = A4.height - MARGIN;
    return page;
  }

  numberPages(): void {
    this.pages.forEach((page, i) => {
      const text = `第 ${i + 1} 页 / 共 ${this.pages.length} 页`;
      const width = this.fonts.regular.widthOfTextAtSize(text, 9);
      page.drawText(text, {
        x: (A4.width - width) / 2,
        y: MARGIN / 2,
        size: 9,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }
}

/** The text of inline tokens: emphasis and code lose their marks, links keep their text. */
function plain(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if ("tokens" in token && token.tokens && token.type !== "codespan") return plain(token.tokens);
      if (token.type === "codespan") return (token as Tokens.Codespan).text;
      if (token.type === "br") return " ";
      return "text" in token ? decodeEntities(String(token.text)) : "";
    })
    .join("");
}

/** marked escapes `<`, `>`, `&` and quotes in text tokens; the PDF shows the characters. */
function decodeEntities(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

function subsetTag(text: string): string {
  const digest = createHash("sha256").update(text).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}
