import type { IdentityRole, StaffTable } from "../../db/schema";

export interface CurrentIdentity {
  id: string;
  role: IdentityRole;
  enterpriseId: string | null;
}

/**
 * Who does something: the one actor type of the server. A request's actor is resolved once from its session
 * cookie (with the caller's address); services take it as it is, decide with `can()` and record it in the
 * audit log; jobs, seeds and start-up act as `systemActor`.
 */
export type Actor =
  | { kind: "anonymous"; ip?: string | null }
  | { kind: "system" }
  | {
      kind: "user";
      userId: string;
      /** Absent when the actor is not a request's (e.g. the person a binding just created). */
      sessionId?: string;
      /** The identity the session speaks in; absent or null when it has none. */
      identity?: CurrentIdentity | null;
      ip?: string | null;
    }
  | { kind: "staff"; staffId: string; role: StaffTable["role"]; sessionId?: string; ip?: string | null };

export const anonymous: Actor = { kind: "anonymous" };
export const systemActor: Actor = { kind: "system" };

/** The id the audit log records for an actor (users and staff have one). */
export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : actor.kind === "staff" ? actor.staffId : null;
}

/** An actor a session cookie can speak for. */
export type SessionActor = Extract<Actor, { kind: "user" | "staff" }>;
