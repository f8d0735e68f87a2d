import type { IdentityStatus } from "../../db/schema";
import type { TransitionTable } from "../../shared/state-machine";

/** A project lead or agent identity waits for the enterprise administrator; any identity can be revoked. */
export const identityTransitions: TransitionTable<IdentityStatus> = {
  pending: ["active", "rejected"],
  active: ["revoked"],
  rejected: [],
  revoked: [],
};
