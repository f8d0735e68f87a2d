import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * Noto Sans SC (SIL Open Font License 1.1), from the npm package @expo-google-fonts/noto-sans-sc: TrueType
 * outlines (glyf), which fontkit subsets reliably, unlike the CFF outlines of the OTF Source Han / Noto CJK
 * fonts. It comes with `npm install`, so a generated PDF never depends on the fonts of the machine.
 */
const FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type CjkWeight = keyof typeof FILES;

const require = createRequire(import.meta.url);
const loaded = new Map<CjkWeight, Promise<Uint8Array>>();

/** The font file's bytes, read once per process (about 10 MB each; only the glyphs used go into a PDF). */
export function cjkFont(weight: CjkWeight): Promise<Uint8Array> {
  let font = loaded.get(weight);
  if (!font) {
    font = readFile(require.resolve(FILES[weight])).then((buffer) => new Uint8Array(buffer));
    font.catch(() => loaded.delete(weight));
    loaded.set(weight, font);
  }
  return font;
}
