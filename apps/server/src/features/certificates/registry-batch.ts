import type { DbOrTx } from "../../db/database";
import type { AssociationsTable } from "../../db/schema";
import { transition } from "../../kernel/transition";
import { newId } from "../../shared/ids";
import { recordAudits } from "../audit/audit";
import { ensureEnterprises } from "../enterprises/enterprises.service";
import type { Actor } from "../policy/actor";
import {
  findRegistryRows,
  insertAssociationRows,
  listActiveAssociationsOf,
  updateCertificate,
} from "./certificates.queries";
import { type NewCertificate, recordCertificatesOnTokens } from "./certificates.service";
import { associationMachine } from "./certificates.states";
import type { RegistryRow } from "./registry-csv";

export interface RegistryCatalog {
  categoryByCode: Map<string, "organization" | "personal">;
  platformByCode: Map<string, string>;
}

/** The key a registry row is known by: its issuer and its normalised serial. */
export const registryKey = (issuer: string, serial: string) => `${issuer}\n${serial}`;

/**
 * Writes checked registry rows in one transaction, a few statements for the whole batch rather than eight
 * per row: the enterprises, the known certificates and their platforms are read once, the new tokens,
 * certificates, platforms and audit rows inserted in one statement each. Only re-imported rows are updated
 * one by one. Each row's key appears once in a batch (the caller splits batches at a repeat).
 */
export async function writeRegistryBatch(
  trx: DbOrTx,
  actor: Actor,
  rows: RegistryRow[],
  catalog: RegistryCatalog,
  now: Date,
): Promise<{ imported: number; updated: number }> {
  const iso = now.toISOString();
  const entries = rows.map((row) => {
    const serial = normaliseSerial(row.serial);
    const holderKind = catalog.categoryByCode.get(row.category) ?? "personal";
    const enterpriseName =
      row.enterprise_name || (holderKind === "organization" ? row.holder : `单位（${row.enterprise_uscc}）`);
    const platformIds = splitPlatforms(row.platforms).map((code) => catalog.platformByCode.get(code) as string);
    return { row, serial, holderKind, enterpriseName, platformIds };
  });
  const enterpriseIds = await ensureEnterprises(
    trx,
    actor,
    // A personal key may name no enterprise (checkRow); its first CA login takes the certificate's.
    entries.filter((e) => e.row.enterprise_uscc).map((e) => ({ uscc: e.row.enterprise_uscc, name: e.enterpriseName })),
    now,
  );
  const known = await findRegistryRows(
    trx,
    [...new Set(entries.map((e) => e.row.issuer))],
    [...new Set(entries.map((e) => e.serial))],
  );
  const knownIds = new Map(known.map((c) => [registryKey(c.issuer, c.serial_number), c.id]));
  const existing = entries.flatMap((e) => {
    const id = knownIds.get(registryKey(e.row.issuer, e.serial));
    return id ? [{ ...e, id }] : [];
  });
  const fresh = entries
    .filter((e) => !knownIds.has(registryKey(e.row.issuer, e.serial)))
    .map((e) => ({ ...e, id: newId() }));

  await recordCertificatesOnTokens(
    trx,
    fresh.map((e) => ({
      id: e.id,
      tokenLabel: null,
      certificate: newRegistryCertificate(e, enterpriseIds.get(e.row.enterprise_uscc) ?? null),
    })),
    now,
  );

  const active = await listActiveAssociationsOf(
    trx,
    existing.map((e) => e.id),
  );
  const newAssociations: AssociationsTable[] = fresh.flatMap((e) => associationRows(e.id, e.platformIds, iso));
  for (const e of existing) {
    await updateCertificate(trx, e.id, {
      holder_name: e.row.holder,
      category_code: e.row.category,
      holder_kind: e.holderKind,
      enterprise_id: enterpriseIds.get(e.row.enterprise_uscc) ?? null,
      updated_at: iso,
    });
    const mine = active.filter((a) => a.certificate_id === e.id);
    const current = mine.map((a) => a.platform_id);
    for (const dropped of mine.filter((a) => !e.platformIds.includes(a.platform_id))) {
      await transition(trx, associationMachine, {
        id: dropped.id,
        from: "active",
        to: "ended",
        set: { ended_at: iso, ended_reason: "registry_reimport" },
        at: now,
      });
    }
    newAssociations.push(
      ...associationRows(
        e.id,
        e.platformIds.filter((id) => !current.includes(id)),
        iso,
      ),
    );
  }
  await insertAssociationRows(trx, newAssociations);

  const audit = (action: "registry.imported" | "registry.updated") => (e: { id: string; serial: string }) => ({
    action,
    entity: { kind: "certificate", id: e.id },
    data: { serial: e.serial },
  });
  await recordAudits(
    trx,
    actor,
    [...fresh.map(audit("registry.imported")), ...existing.map(audit("registry.updated"))],
    now,
  );
  return { imported: fresh.length, updated: existing.length };
}

function newRegistryCertificate(
  e: { serial: string; holderKind: "organization" | "personal"; row: RegistryRow },
  enterpriseId: string | null,
): NewCertificate {
  return {
    serial_number: e.serial,
    issuer: e.row.issuer,
    holder_kind: e.holderKind,
    category_code: e.row.category,
    holder_name: e.row.holder,
    enterprise_id: enterpriseId,
    source: "registry",
  };
}

function associationRows(certificateId: string, platformIds: string[], iso: string): AssociationsTable[] {
  return platformIds.map((platformId) => ({
    id: newId(),
    certificate_id: certificateId,
    platform_id: platformId,
    status: "active",
    started_at: iso,
    ended_at: null,
    ended_reason: null,
  }));
}

export const splitPlatforms = (value: string) =>
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
