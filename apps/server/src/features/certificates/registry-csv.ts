import { Readable } from "node:stream";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { parse } from "csv-parse";
import { AppError } from "../../shared/app-error";

export const REGISTRY_COLUMNS = [
  "serial",
  "issuer",
  "holder",
  "enterprise_uscc",
  "category",
  "platforms",
  "enterprise_name",
] as const;
export type RegistryRow = Record<(typeof REGISTRY_COLUMNS)[number], string>;
/** A row of the file with the line it starts on, as an editor numbers the file (1 = the first line). */
export interface RegistryLine {
  line: number;
  row: RegistryRow;
}

/** csv-parse reads about a megabyte a second on a busy 2-core machine: 16 KB is a few milliseconds of it. */
const CHUNK_BYTES = 16 * 1024;

/**
 * Parses the registry CSV a chunk at a time, handing the event loop back between chunks so a 5 MB file never
 * stops the server from answering other requests. Blank lines are skipped and line breaks inside quoted fields
 * are counted, so each row's line is the one the operator sees in the file.
 */
export async function parseRegistryCsv(csv: string): Promise<RegistryLine[]> {
  const text = csv.replace(/^\uFEFF/, "");
  const parser = Readable.from(chunksOf(Buffer.from(text))).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, trim: true, raw: true }),
  );
  const records: { fields: string[]; line: number }[] = [];
  // csv-parse's own line count goes wrong on mixed line ends, and its `raw` text keeps part of a CRLF: find
  // each record's text in the file instead, after the blank lines skipped before it.
  let cursor = 0;
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = Math.max(cursor, text.indexOf(raw.replace(/^(?:[ \t]*\r?\n)*/, ""), cursor));
      line += countLineBreaks(text.slice(cursor, start));
      cursor = start;
      records.push({ fields: record, line });
    }
  } catch (error) {
    throw new AppError(
      "REGISTRY_IMPORT_INVALID",
      `证书名录文件无法解析：${error instanceof Error ? error.message : ""}`,
    );
  }
  const hasHeader = records[0]?.fields[0]?.toLowerCase() === "serial";
  return records.slice(hasHeader ? 1 : 0).map(({ fields, line }) => ({
    line,
    row: Object.fromEntries(REGISTRY_COLUMNS.map((c, j) => [c, fields[j] ?? ""])) as RegistryRow,
  }));
}

async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    yield bytes.subarray(start, start + CHUNK_BYTES);
    await yieldToEventLoop();
  }
}

const countLineBreaks = (text: string) => text.split("\n").length - 1;
