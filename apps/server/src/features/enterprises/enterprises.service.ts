import type { DbOrTx } from "../../db/database";
import { newId } from "../../shared/ids";
import { recordAudit, recordAudits } from "../audit/audit";
import type { Actor } from "../policy/actor";
import {
  findEnterpriseByUscc,
  findEnterprisesByUscc,
  insertEnterprise,
  insertEnterprises,
} from "./enterprises.queries";

/** The enterprise a certificate names, created on first sight (its information is then completed in J3). */
export async function ensureEnterprise(
  trx: DbOrTx,
  actor: Actor,
  input: { uscc: string; name: string; now: Date },
): Promise<string> {
  const existing = await findEnterpriseByUscc(trx, input.uscc);
  if (existing) return existing.id;
  const id = newId();
  const now = input.now.toISOString();
  await insertEnterprise(trx, {
    id,
    uscc: input.uscc,
    name: input.name,
    approved_revision_id: null,
    service_point_id: null,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(
    trx,
    actor,
    "enterprise.created",
    { kind: "enterprise", id },
    { uscc: input.uscc, name: input.name },
    input.now,
  );
  return id;
}

/**
 * ensureEnterprise for many at once (a registry import batch): one read, one insert and one audit statement.
 * The first name given for a USCC wins, as it would one by one. Returns the id of each USCC.
 */
export async function ensureEnterprises(
  trx: DbOrTx,
  actor: Actor,
  inputs: { uscc: string; name: string }[],
  now: Date,
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const { uscc, name } of inputs) if (!wanted.has(uscc)) wanted.set(uscc, name);
  const ids = new Map((await findEnterprisesByUscc(trx, [...wanted.keys()])).map((e) => [e.uscc, e.id]));
  const iso = now.toISOString();
  const created = [...wanted].filter(([uscc]) => !ids.has(uscc)).map(([uscc, name]) => ({ id: newId(), uscc, name }));
  await insertEnterprises(
    trx,
    created.map((e) => ({
      ...e,
      approved_revision_id: null,
      service_point_id: null,
      created_at: iso,
      updated_at: iso,
    })),
  );
  const audits = created.map(({ id, uscc, name }) => ({
    action: "enterprise.created" as const,
    entity: { kind: "enterprise", id },
    data: { uscc, name },
  }));
  await recordAudits(trx, actor, audits, now);
  for (const { id, uscc } of created) ids.set(uscc, id);
  return ids;
}

/** The enterprise on record with this USCC, if any (other features look enterprises up here). */
export function findEnterpriseOfUscc(db: DbOrTx, uscc: string) {
  return findEnterpriseByUscc(db, uscc);
}
