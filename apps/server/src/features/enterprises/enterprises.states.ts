import { defineMachine } from "../../kernel/machine";

/**
 * An enterprise information revision (J3): drafted, submitted for review, approved or rejected with an opinion.
 * A rejected revision stays as it was decided (nothing submitted is overwritten): fixing it starts a new draft. An
 * approved revision is in force until a newer one is approved, which supersedes it.
 */
export const enterpriseRevisionMachine = defineMachine({
  table: "enterprise_revisions",
  entity: "enterprise_revision",
  initial: ["draft"],
  terminal: ["rejected", "superseded"],
  transitions: {
    draft: ["pending_review"],
    pending_review: ["approved", "rejected"],
    rejected: [],
    approved: ["superseded"],
    superseded: [],
  },
});
