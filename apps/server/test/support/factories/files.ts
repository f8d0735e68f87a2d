/**
 * Files as people upload them, by their bytes: what file-type recognises (a PNG, a JPEG, a PDF) and what it
 * must refuse (a Windows executable renamed .png, an HTML page).
 */
import type { AppContext } from "../../../src/app/context";
import { makeResidentId, nextSeq } from "../identifiers";

/** A 1×1 PNG. */
export const pngBytes = (): Buffer =>
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** The start of a JPEG (SOI + JFIF APP0): enough for its type to be read. */
export const jpegBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"),
    Buffer.alloc(64),
    Buffer.from("ffd9", "hex"),
  ]);

export const pdfBytes = (): Buffer =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );

/** A PE executable's header (MZ … PE\0\0), as a renamed .exe starts. */
export const exeBytes = (): Buffer => {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
};

export const htmlBytes = (): Buffer =>
  Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");

/**
 * A person's complete 个人信息 (name, ID number, e-mail, both scans), through the same services the pages
 * call, so the status reads 已完善. Returns the ID number it set.
 */
export async function completeProfile(
  ctx: AppContext,
  userId: string,
  overrides: { name?: string; idNumber?: string; email?: string } = {},
): Promise<{ idNumber: string }> {
  const actor = { kind: "user" as const, userId };
  const idNumber = overrides.idNumber ?? makeResidentId(nextSeq());
  await ctx.profiles.update(actor, userId, {
    name: overrides.name ?? "张测试",
    idNumber,
    email: overrides.email ?? `user${nextSeq()}@example.com`,
  });
  await ctx.idScans.upload(actor, userId, { side: "front", bytes: pngBytes(), fileName: "front.png" });
  await ctx.idScans.upload(actor, userId, { side: "back", bytes: pdfBytes(), fileName: "back.pdf" });
  return { idNumber };
}
