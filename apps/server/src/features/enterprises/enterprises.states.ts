import { defineMachine } from "../../kernel/machine";

/**
 * An enterprise information revision (J3): drafted, submitted for review, approved or rejected with an opinion.
 * A rejected revision is edited and submitted again (it stays the enterprise's one open revision). An approved
 * revision is in force until a newer one is approved, which supersedes it.
 */
export const enterpriseRevisionMachine = defineMachine({
  table: "enterprise_revisions",
  entity: "enterprise_revision",
  initial: ["draft"],
  terminal: ["superseded"],
  transitions: {
    draft: ["pending_review"],
    pending_review: ["approved", "rejected"],
    rejected: ["pending_review"],
    approved: ["superseded"],
    superseded: [],
  },
});
