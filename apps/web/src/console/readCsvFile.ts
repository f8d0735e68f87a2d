/**
 * Reads a CSV file as text. Files exported by Excel on Chinese Windows are usually GBK, not UTF-8,
 * so fall back to GBK when the bytes are not valid UTF-8.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}
