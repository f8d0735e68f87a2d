import type { DbOrTx } from "../../db/database";
import type { IdentityRole, IdentityStatus } from "../../db/schema";
import { AppError } from "../../shared/app-error";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import { findActiveAdmin, findOpenIdentity, insertIdentity, listIdentitiesOfUser } from "./identities.queries";

/** A user's pending and active identities with their enterprise's name, oldest first (compiled query). */
export function listOpenIdentities(db: DbOrTx, userId: string) {
  return listIdentitiesOfUser(db, userId);
}

/**
 * Gives a user an identity unless they already hold it. An enterprise has exactly one active
 * administrator (管理员身份唯一): a second person is refused here, and by a unique index underneath.
 */
export async function grantIdentity(
  trx: DbOrTx,
  actor: Actor,
  input: { userId: string; enterpriseId: string | null; role: IdentityRole; status: IdentityStatus; now: Date },
): Promise<string> {
  const existing = await findOpenIdentity(trx, input.userId, input.enterpriseId, input.role);
  if (existing) return existing.id;
  if (input.role === "admin" && input.enterpriseId) {
    const admin = await findActiveAdmin(trx, input.enterpriseId);
    if (admin && admin.user_id !== input.userId) throw new AppError("ENTERPRISE_HAS_ADMIN");
  }
  const id = newId();
  const now = input.now.toISOString();
  await insertIdentity(trx, {
    id,
    user_id: input.userId,
    enterprise_id: input.enterpriseId,
    role: input.role,
    status: input.status,
    decided_by_user_id: null,
    decided_at: input.status === "active" ? now : null,
    decided_by_staff_id: null,
    decision_reason: null,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, actor, "identity.granted", { kind: "identity", id }, { ...input, now: undefined }, input.now);
  return id;
}
