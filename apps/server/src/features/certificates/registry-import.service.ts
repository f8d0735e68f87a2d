import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { isValidUscc, type RegistryImportResponse } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import type { Clock } from "../../shared/clock";
import type { CatalogService } from "../catalog/catalog.service";
import type { Actor } from "../policy/actor";
import {
  normaliseSerial,
  type RegistryCatalog,
  registryKey,
  splitPlatforms,
  writeRegistryBatch,
} from "./registry-batch";
import { parseRegistryCsv, type RegistryLine, type RegistryRow as Row } from "./registry-csv";

/** Rows written per transaction: a few milliseconds of work, after which other requests get their turn. */
const BATCH_ROWS = 100;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ROW_NOT_SAVED = "该行无法保存，请检查内容后重新导入";

/**
 * Imports the old platform's certificate registry (老平台证书名录) so its users need no registration: each row
 * becomes a token and a certificate known by serial and issuer, with its enterprise and current platforms;
 * the key's first CA login completes the row and asks only for the binding details. Re-importing a row
 * updates it. Bad rows are reported by line and skipped; good rows are kept.
 *
 * A file of tens of thousands of rows must not stop the server: it is parsed in chunks and written in batches
 * of BATCH_ROWS rows, one transaction each, and the event loop is handed back between them.
 */
export class RegistryImportService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
  ) {}

  async importCsv(actor: Actor, csv: string): Promise<RegistryImportResponse> {
    const lines = await parseRegistryCsv(csv);
    const [categoryByCode, platformByCode] = await Promise.all([
      this.catalog.categoryHolderKinds(),
      this.catalog.activePlatformIdsByCode(),
    ]);
    const catalog: RegistryCatalog = { categoryByCode, platformByCode };
    const result: RegistryImportResponse = { imported: 0, updated: 0, rejected: [] };
    const valid: RegistryLine[] = [];
    for (const { line, row } of lines) {
      const problem = checkRow(row, catalog.categoryByCode, catalog.platformByCode);
      if (problem) result.rejected.push({ line, code: "REGISTRY_IMPORT_INVALID", message: problem });
      else valid.push({ line, row });
    }
    for (const batch of batchesOf(valid)) {
      await yieldToEventLoop();
      await this.writeBatch(actor, batch, catalog, result);
    }
    result.rejected.sort((a, b) => a.line - b.line);
    return result;
  }

  /**
   * One transaction for the batch; should it fail (a row the checks let through but the database refuses,
   * or a concurrent import of the same rows), each row is tried alone so only the failing ones are refused,
   * by line.
   */
  private async writeBatch(
    actor: Actor,
    batch: RegistryLine[],
    catalog: RegistryCatalog,
    result: RegistryImportResponse,
  ) {
    const write = (lines: RegistryLine[]) =>
      this.database.transaction((trx) =>
        writeRegistryBatch(
          trx,
          actor,
          lines.map((l) => l.row),
          catalog,
          this.clock.now(),
        ),
      );
    const add = (written: { imported: number; updated: number }) => {
      result.imported += written.imported;
      result.updated += written.updated;
    };
    try {
      add(await write(batch));
    } catch {
      for (const line of batch) {
        try {
          add(await write([line]));
        } catch {
          result.rejected.push({ line: line.line, code: "REGISTRY_IMPORT_INVALID", message: ROW_NOT_SAVED });
        }
      }
    }
  }
}

/** Batches of at most BATCH_ROWS rows in which no certificate appears twice (a repeat starts the next batch). */
function* batchesOf(lines: RegistryLine[]): Generator<RegistryLine[]> {
  let batch: RegistryLine[] = [];
  let keys = new Set<string>();
  for (const line of lines) {
    const key = registryKey(line.row.issuer, normaliseSerial(line.row.serial));
    if (batch.length === BATCH_ROWS || keys.has(key)) {
      yield batch;
      batch = [];
      keys = new Set();
    }
    batch.push(line);
    keys.add(key);
  }
  if (batch.length > 0) yield batch;
}

function checkRow(
  row: Row,
  categories: RegistryCatalog["categoryByCode"],
  platforms: Map<string, string>,
): string | null {
  // PostgreSQL refuses NUL in text (the whole batch would fail) and no registry field has a control character.
  if (Object.values(row).some((field) => CONTROL_CHARACTER.test(field))) return "含有不可见的控制字符（如 NUL）";
  if (!/^[0-9a-fA-F:]{1,64}$/.test(row.serial)) return "序列号应为十六进制";
  if (!row.issuer) return "缺少签发者（issuer）";
  if (!row.holder) return "缺少持证人";
  const holderKind = categories.get(row.category);
  if (!holderKind) return `CA 证类别不存在：${row.category}`;
  if (!row.enterprise_uscc && holderKind === "organization") return "单位锁须填写统一社会信用代码";
  if (row.enterprise_uscc && !isValidUscc(row.enterprise_uscc)) {
    return `统一社会信用代码不正确：${row.enterprise_uscc}`;
  }
  const codes = splitPlatforms(row.platforms);
  const unknown = codes.filter((c) => !platforms.has(c));
  if (unknown.length > 0) return `应用平台不存在：${unknown.join("、")}`;
  if (new Set(codes).size !== codes.length) return "应用平台重复";
  return null;
}
