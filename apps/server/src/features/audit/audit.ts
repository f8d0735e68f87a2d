import type { DbOrTx } from "../../db/database";
import { newId } from "../../shared/ids";
import { type Actor, actorId } from "../policy/actor";
import { insertAuditRow } from "./audit.queries";

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
    actor_id: actorId(actor),
    action,
    entity_kind: entity.kind,
    entity_id: entity.id,
    data: JSON.stringify(data),
    ip: ("ip" in actor ? actor.ip : null) ?? null,
  });
}
