import type { DbOrTx } from "../../db/database";
import type { AuditLogTable } from "../../db/schema";
import { newId } from "../../shared/ids";
import { insertAuditRow, insertAuditRows } from "./audit.queries";

export interface Actor {
  kind: AuditLogTable["actor_kind"];
  id: string | null;
  ip?: string | null;
}

export const systemActor: Actor = { kind: "system", id: null };

/** Writes one audit row; always called inside the transaction that makes the change it records. */
export async function recordAudit(
  trx: DbOrTx,
  actor: Actor,
  action: string,
  entity: { kind: string; id: string | null },
  data: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  await insertAuditRow(trx, {
    id: newId(),
    at: at.toISOString(),
    actor_kind: actor.kind,
    actor_id: actor.id,
    action,
    entity_kind: entity.kind,
    entity_id: entity.id,
    data: JSON.stringify(data),
    ip: actor.ip ?? null,
  });
}

/** Writes one audit row per entry in one statement, inside the transaction that makes the changes. */
export async function recordAudits(
  trx: DbOrTx,
  actor: Actor,
  entries: { action: string; entity: { kind: string; id: string | null }; data: Record<string, unknown> }[],
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await insertAuditRows(
    trx,
    entries.map(({ action, entity, data }) => ({
      id: newId(),
      at: iso,
      actor_kind: actor.kind,
      actor_id: actor.id,
      action,
      entity_kind: entity.kind,
      entity_id: entity.id,
      data: JSON.stringify(data),
      ip: actor.ip ?? null,
    })),
  );
}
