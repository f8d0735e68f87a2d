import { readFileSync } from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";

/** The two CJK families a licence is printed in (Debian's fonts-noto-cjk, installed by scripts/setup-system.sh). */
export type LicenceFont = "sans" | "serif";

const FACES: Record<LicenceFont, { file: string; family: string }> = {
  sans: { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  serif: { file: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", family: "Noto Serif CJK SC" },
};

const registered = new Map<LicenceFont, string>();

/**
 * The canvas family name of a font, registered on first use. Debian ships Noto CJK as .ttc collections and the
 * canvas only sees each collection's first face (JP, whose glyph shapes differ from Chinese print), so the SC
 * face is copied out of the collection into a stand-alone font file in memory.
 */
export function fontFamily(font: LicenceFont): string {
  const known = registered.get(font);
  if (known) return known;
  const face = FACES[font];
  let collection: Buffer;
  try {
    collection = readFileSync(face.file);
  } catch {
    throw new Error(`licence-corpus: ${face.file} is missing; install fonts-noto-cjk (npm run setup:system)`);
  }
  const alias = `Licence ${face.family}`;
  if (!GlobalFonts.register(extractFace(collection, face.family), alias)) {
    throw new Error(`licence-corpus: could not register ${face.family}`);
  }
  registered.set(font, alias);
  return alias;
}

/** Copies one face of an OpenType collection (TTC) into a stand-alone sfnt, found by its family name. */
export function extractFace(collection: Buffer, family: string): Buffer {
  if (collection.toString("latin1", 0, 4) !== "ttcf") throw new Error("not a font collection");
  const count = collection.readUInt32BE(8);
  for (let index = 0; index < count; index++) {
    const offset = collection.readUInt32BE(12 + 4 * index);
    if (familyName(collection, offset) === family) return copyFace(collection, offset);
  }
  throw new Error(`no face ${family} in the collection`);
}

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tableRecords(data: Buffer, faceOffset: number): TableRecord[] {
  const numTables = data.readUInt16BE(faceOffset + 4);
  return Array.from({ length: numTables }, (_, i) => {
    const at = faceOffset + 12 + 16 * i;
    return {
      tag: data.toString("latin1", at, at + 4),
      checksum: data.readUInt32BE(at + 4),
      offset: data.readUInt32BE(at + 8),
      length: data.readUInt32BE(at + 12),
    };
  });
}

/** The English family name (name id 1, Windows platform, en-US) of the face at `faceOffset`. */
function familyName(data: Buffer, faceOffset: number): string | null {
  const name = tableRecords(data, faceOffset).find((t) => t.tag === "name");
  if (!name) return null;
  const count = data.readUInt16BE(name.offset + 2);
  const strings = name.offset + data.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + 12 * i;
    const [platform, , language, nameId] = [0, 2, 4, 6].map((d) => data.readUInt16BE(at + d));
    if (platform === 3 && language === 0x409 && nameId === 1) {
      const start = strings + data.readUInt16BE(at + 10);
      return Buffer.from(data.subarray(start, start + data.readUInt16BE(at + 8)))
        .swap16()
        .toString("utf16le");
    }
  }
  return null;
}

function copyFace(data: Buffer, faceOffset: number): Buffer {
  const tables = tableRecords(data, faceOffset);
  const headerLength = 12 + 16 * tables.length;
  const aligned = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((sum, t) => sum + aligned(t.length), headerLength);
  const out = Buffer.alloc(size);
  data.copy(out, 0, faceOffset, faceOffset + 12);
  let at = headerLength;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    out.write(table.tag, record, "latin1");
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(at, record + 8);
    out.writeUInt32BE(table.length, record + 12);
    data.copy(out, at, table.offset, table.offset + table.length);
    at += aligned(table.length);
  });
  return out;
}
