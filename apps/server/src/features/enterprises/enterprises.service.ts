import type { DbOrTx } from "../../db/database";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import { findEnterpriseByUscc, insertEnterprise } from "./enterprises.queries";

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
