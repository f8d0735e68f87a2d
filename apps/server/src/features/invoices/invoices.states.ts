import { defineMachine } from "../../kernel/machine";

/** An invoice request (J5, J7): the operator issues it (PDF attached, e-mailed) or it is cancelled. */
export const invoiceRequestMachine = defineMachine({
  table: "invoice_requests",
  entity: "invoice_request",
  initial: ["requested"],
  terminal: ["issued", "cancelled"],
  transitions: {
    requested: ["issued", "cancelled"],
    issued: [],
    cancelled: [],
  },
});
