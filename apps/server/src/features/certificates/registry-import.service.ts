import { isValidUscc, type RegistryImportResponse } from "@lnca/contracts";
import { parse } from "csv-parse/sync";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { CatalogService } from "../catalog/catalog.service";
import { ensureEnterprise } from "../enterprises/enterprises.service";
import type { Actor } from "../policy/actor";
import {
  endAssociations,
  findRegistryRow,
  insertAssociations,
  insertCertificate,
  insertToken,
  listActiveAssociationPlatformIds,
  updateCertificate,
} from "./certificates.queries";

const COLUMNS = ["serial", "issuer", "holder", "enterprise_uscc", "category", "platforms", "enterprise_name"] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/**
 * Imports the old platform's certificate registry (老平台证书名录) so its users need no registration: each row
 * becomes a token and a certificate known by serial and issuer, with its enterprise and current platforms;
 * the key's first CA login completes the row and asks only for the binding details. Re-importing a row
 * updates it. Bad rows are reported by line and skipped; good rows are kept.
 */
export class RegistryImportService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
  ) {}

  async importCsv(actor: Actor, csv: string): Promise<RegistryImportResponse> {
    const rows = parseRegistry(csv);
    const [categoryByCode, platformByCode] = await Promise.all([
      this.catalog.categoryHolderKinds(),
      this.catalog.activePlatformIdsByCode(),
    ]);
    const result: RegistryImportResponse = { imported: 0, updated: 0, rejected: [] };
    for (const { line, row } of rows) {
      const problem = checkRow(row, categoryByCode, platformByCode);
      if (problem) {
        result.rejected.push({ line, code: "REGISTRY_IMPORT_INVALID", message: problem });
        continue;
      }
      const outcome = await this.database.transaction((trx) =>
        this.upsertRow(trx, actor, row, categoryByCode, platformByCode),
      );
      result[outcome] += 1;
    }
    return result;
  }

  private async upsertRow(
    trx: DbOrTx,
    actor: Actor,
    row: Row,
    holderKindByCategory: Map<string, "organization" | "personal">,
    platformByCode: Map<string, string>,
  ): Promise<"imported" | "updated"> {
    const now = this.clock.now();
    const iso = now.toISOString();
    const serial = normaliseSerial(row.serial);
    const holderKind = holderKindByCategory.get(row.category) ?? "personal";
    const enterpriseName =
      row.enterprise_name || (holderKind === "organization" ? row.holder : `单位（${row.enterprise_uscc}）`);
    const enterpriseId = await ensureEnterprise(trx, actor, { uscc: row.enterprise_uscc, name: enterpriseName, now });
    const wanted = splitPlatforms(row.platforms).map((code) => platformByCode.get(code) as string);
    const existing = await findRegistryRow(trx, row.issuer, serial);
    let certificateId: string;
    if (existing) {
      certificateId = existing.id;
      await updateCertificate(trx, existing.id, {
        holder_name: row.holder,
        category_code: row.category,
        holder_kind: holderKind,
        enterprise_id: enterpriseId,
        updated_at: iso,
      });
      const current = (await listActiveAssociationPlatformIds(trx, existing.id)).map((a) => a.platform_id);
      await endAssociations(
        trx,
        existing.id,
        current.filter((id) => !wanted.includes(id)),
        iso,
        "registry_reimport",
      );
      wanted.splice(0, wanted.length, ...wanted.filter((id) => !current.includes(id)));
    } else {
      const tokenId = newId();
      certificateId = newId();
      await insertToken(trx, {
        id: tokenId,
        bound_user_id: null,
        bound_at: null,
        label: null,
        created_at: iso,
        updated_at: iso,
      });
      await insertCertificate(trx, {
        id: certificateId,
        token_id: tokenId,
        previous_certificate_id: null,
        serial_number: serial,
        issuer: row.issuer,
        subject: null,
        fingerprint_sha256: null,
        certificate_pem: null,
        holder_kind: holderKind,
        category_code: row.category,
        vendor_id: null,
        holder_name: row.holder,
        holder_id_number: null,
        enterprise_id: enterpriseId,
        not_before: null,
        not_after: null,
        status: "active",
        source: "registry",
        revoked_at: null,
        revocation_reason: null,
        created_at: iso,
        updated_at: iso,
      });
    }
    await insertAssociations(trx, certificateId, wanted, iso);
    await recordAudit(
      trx,
      actor,
      existing ? "registry.updated" : "registry.imported",
      { kind: "certificate", id: certificateId },
      { serial },
      now,
    );
    return existing ? "updated" : "imported";
  }
}

function parseRegistry(csv: string): { line: number; row: Row }[] {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new AppError(
      "REGISTRY_IMPORT_INVALID",
      `证书名录文件无法解析：${error instanceof Error ? error.message : ""}`,
    );
  }
  const header = records[0]?.map((h) => h.toLowerCase());
  const hasHeader = header?.[0] === "serial";
  return records.slice(hasHeader ? 1 : 0).map((fields, i) => ({
    line: i + (hasHeader ? 2 : 1),
    row: Object.fromEntries(COLUMNS.map((c, j) => [c, fields[j] ?? ""])) as Row,
  }));
}

function checkRow(row: Row, categories: Map<string, unknown>, platforms: Map<string, string>): string | null {
  if (!/^[0-9a-fA-F:]{1,64}$/.test(row.serial)) return "序列号应为十六进制";
  if (!row.issuer) return "缺少签发者（issuer）";
  if (!row.holder) return "缺少持证人";
  if (!isValidUscc(row.enterprise_uscc)) return `统一社会信用代码不正确：${row.enterprise_uscc}`;
  if (!categories.has(row.category)) return `CA 证类别不存在：${row.category}`;
  const codes = splitPlatforms(row.platforms);
  const unknown = codes.filter((c) => !platforms.has(c));
  if (unknown.length > 0) return `应用平台不存在：${unknown.join("、")}`;
  if (new Set(codes).size !== codes.length) return "应用平台重复";
  return null;
}

const splitPlatforms = (value: string) =>
  value
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/** Serial numbers compare as lowercase hex without separators or leading zeros, as @lnca/pki writes them. */
export const normaliseSerial = (serial: string) =>
  serial
    .replaceAll(":", "")
    .toLowerCase()
    .replace(/^0+(?=.)/, "");
