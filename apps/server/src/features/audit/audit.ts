import type { Insertable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type { AuditLogTable, IdentityRole, IdentityStatus } from "../../db/schema";
import { newId } from "../../shared/ids";
import { type Actor, actorId } from "../policy/actor";
import { insertAuditRow, insertAuditRows } from "./audit.queries";

/**
 * Every audit action and the data its row carries. A feature adds its own actions by declaration merging from
 * its own files (`declare module "../audit/audit" { interface AuditActions { "renewal_order.paid": {…} } }`).
 */
export interface AuditActions {
  "auth.ca_login": Record<string, never>;
  "auth.sms_login": Record<string, never>;
  "console.login": Record<string, never>;
  "staff.created": { username: string; role: string };
  "user.registered": { via: string };
  "token.bound": { certificateId: string; userId: string };
  "identity.granted": {
    userId: string;
    enterpriseId: string | null;
    role: IdentityRole;
    status: IdentityStatus;
    now?: undefined;
  };
  "enterprise.created": { uscc: string; name: string };
  "catalog.category_created": {
    code: string;
    name: string;
    holderKind: string;
    baseFeeFen: number;
    sortOrder?: number;
  };
  "catalog.platform_created": { code: string; name: string; feeFen: number; sortOrder?: number };
  "catalog.vendor_created": { code: string; name: string };
  "catalog.service_point_created": { code: string; name: string; city: string };
  "certificate.first_seen": { serial: string };
  "certificate.registry_matched": Record<string, never>;
  "certificate.issued": { serial: string; platforms: string[] };
  "certificate.revoked": { reason: string };
  "registry.imported": { serial: string };
  "registry.updated": { serial: string };
}

export type AuditAction = keyof AuditActions;

/** Writes one audit row; always called inside the transaction that makes the change it records. */
export async function recordAudit<A extends AuditAction>(
  trx: DbOrTx,
  actor: Actor,
  action: A,
  entity: { kind: string; id: string | null },
  data: AuditActions[A],
  at: Date = new Date(),
): Promise<void> {
  await insertAuditRow(trx, auditRow(actor, { action, entity, data }, at.toISOString()));
}

/** Writes one audit row per entry in one statement, inside the transaction that makes the changes. */
export async function recordAudits<A extends AuditAction>(
  trx: DbOrTx,
  actor: Actor,
  entries: { action: A; entity: { kind: string; id: string | null }; data: AuditActions[A] }[],
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await insertAuditRows(
    trx,
    entries.map((entry) => auditRow(actor, entry, iso)),
  );
}

function auditRow<A extends AuditAction>(
  actor: Actor,
  entry: { action: A; entity: { kind: string; id: string | null }; data: AuditActions[A] },
  at: string,
): Required<Insertable<AuditLogTable>> {
  return {
    id: newId(),
    at,
    actor_kind: actor.kind,
    actor_id: actorId(actor),
    action: entry.action,
    entity_kind: entry.entity.kind,
    entity_id: entry.entity.id,
    data: JSON.stringify(entry.data),
    ip: ("ip" in actor ? actor.ip : null) ?? null,
  };
}
