import type { Actor } from "./actor";

/**
 * What the feature policies decide on. A user speaks in the session's current identity: they act for an
 * enterprise only in an identity of that enterprise, whatever other identities they hold.
 */

/** The actor's current identity is in this enterprise (administrator, project lead or agent). */
export function isMemberOf(actor: Actor, enterpriseId: string | null): boolean {
  return (
    enterpriseId !== null &&
    actor.kind === "user" &&
    actor.identity != null &&
    actor.identity.enterpriseId === enterpriseId
  );
}

/** The actor speaks as this enterprise's administrator. */
export function isAdminOf(actor: Actor, enterpriseId: string | null): boolean {
  return isMemberOf(actor, enterpriseId) && actor.kind === "user" && actor.identity?.role === "admin";
}

/** The actor is this person (the holder of a key, the creator of an order), whatever identity they speak in. */
export function isUser(actor: Actor, userId: string | null): boolean {
  return userId !== null && actor.kind === "user" && actor.userId === userId;
}

/** Something a person made for an enterprise (a renewal order): its creator or the enterprise's administrator. */
export function isCreatorOrAdmin(actor: Actor, resource: { createdByUserId: string; enterpriseId: string | null }) {
  return isUser(actor, resource.createdByUserId) || isAdminOf(actor, resource.enterpriseId);
}

/** A reviewer's work item (an enterprise revision): only the reviewer who claimed it decides it. */
export function isClaimedBy(actor: Actor, resource: { claimedByStaffId: string | null }): boolean {
  return actor.kind === "staff" && resource.claimedByStaffId !== null && actor.staffId === resource.claimedByStaffId;
}
