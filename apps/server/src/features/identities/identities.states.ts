import { defineMachine } from "../../kernel/machine";

/**
 * A user's identity (J2). A project lead's or agent's request waits for the enterprise administrator, who
 * approves or rejects it; an identity that needs no approval (an administrator from the main key, a personal
 * one) starts active. An active identity can be revoked; a new request makes a new identity.
 */
export const identityMachine = defineMachine({
  table: "identities",
  entity: "identity",
  initial: ["pending", "active"],
  terminal: ["rejected", "revoked"],
  transitions: {
    pending: ["active", "rejected"],
    active: ["revoked"],
    rejected: [],
    revoked: [],
  },
});
