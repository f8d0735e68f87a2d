import { Readable } from "node:stream";
import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type PdfLibFont = ReturnType<PdfLibFontkit["create"]>;

/**
 * fontkit 2 for pdf-lib. pdf-lib's own fork (@pdf-lib/fontkit 1.1.1) writes a subset's glyph offsets in the
 * short `loca` format without padding odd-length glyphs, so with Noto Sans SC most characters of the PDF
 * come out blank (seen with pdftoppm); fontkit 2 keeps the font's long format and every glyph renders.
 * fontkit 2 renamed one method pdf-lib calls: a subset is `encode()`d at once instead of `encodeStream()`.
 */
export const subsettingFontkit: PdfLibFontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), postscriptName);
    if (!("createSubset" in font)) throw new Error("字体集合（.ttc）不能直接嵌入 PDF：请指定其中一款字体");
    const createSubset = font.createSubset.bind(font);
    const adapted = Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
    // The two libraries describe the same object with their own declarations (fontkit 1's and 2's).
    return adapted as unknown as PdfLibFont;
  },
};
