import { defineMachine } from "../../kernel/machine";

/**
 * A renewal executed on the key (J6), one step per state: renewal requested from the CA, the key's CSR received,
 * the renewed certificate issued, written to the key, confirmed. Until the CA has issued, a broken-off attempt
 * fails and is resumed from the start (pending); once issued it cannot fail any more — the same certificate is
 * delivered again until it is written and confirmed, so the key never ends without a usable certificate.
 */
export const keyUpdateMachine = defineMachine({
  table: "key_updates",
  entity: "key_update",
  initial: ["pending"],
  terminal: ["confirmed"],
  transitions: {
    pending: ["renewal_requested", "failed"],
    renewal_requested: ["csr_received", "failed"],
    csr_received: ["issued", "failed"],
    issued: ["written"],
    written: ["confirmed"],
    confirmed: [],
    failed: ["pending"],
  },
});
