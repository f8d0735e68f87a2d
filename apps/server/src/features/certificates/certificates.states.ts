import { defineMachine } from "../../kernel/machine";

/**
 * A certificate is active until a renewal supersedes it or it is revoked; a superseded one can still be revoked
 * (its key is compromised before it expires).
 */
export const certificateMachine = defineMachine({
  table: "certificates",
  entity: "certificate",
  initial: ["active"],
  terminal: ["revoked"],
  transitions: {
    active: ["superseded", "revoked"],
    superseded: ["revoked"],
    revoked: [],
  },
});

/** A certificate's association with a trading platform; a platform chosen again gets a new association. */
export const associationMachine = defineMachine({
  table: "associations",
  entity: "association",
  initial: ["active"],
  terminal: ["ended"],
  transitions: {
    active: ["ended"],
    ended: [],
  },
});
