import { describe, expect, it } from "vitest";
import { machineProblems } from "../../test/support/state-machines";
import { associationMachine, certificateMachine } from "../features/certificates/certificates.states";
import { enterpriseRevisionMachine } from "../features/enterprises/enterprises.states";
import { identityMachine } from "../features/identities/identities.states";
import { webhookDeliveryMachine } from "../features/interop/interop.states";
import { invoiceRequestMachine } from "../features/invoices/invoices.states";
import { keyUpdateMachine } from "../features/keyupdates/keyupdates.states";
import { emailMessageMachine, smsMessageMachine } from "../features/notifications/notifications.states";
import { outboxJobMachine } from "../features/outbox/outbox.states";
import { paymentMachine, refundMachine } from "../features/payments/payments.states";
import { renewalItemMachine, renewalOrderMachine } from "../features/renewals/renewals.states";
import { defineMachine } from "./machine";

const machines = [
  outboxJobMachine,
  smsMessageMachine,
  emailMessageMachine,
  certificateMachine,
  associationMachine,
  enterpriseRevisionMachine,
  identityMachine,
  renewalOrderMachine,
  renewalItemMachine,
  paymentMachine,
  refundMachine,
  invoiceRequestMachine,
  keyUpdateMachine,
  webhookDeliveryMachine,
];

describe("state machines", () => {
  it.each(machines.map((m) => [m.entity, m] as const))(
    "%s: every state is reachable, terminal states are final, no unmeant dead end",
    (_, machine) => {
      expect(machineProblems(machine)).toEqual([]);
    },
  );

  it("the check finds an unreachable state, a terminal state with a move and a dead end", () => {
    const broken = defineMachine({
      table: "invoice_requests",
      entity: "broken",
      initial: ["requested"],
      terminal: ["issued"],
      transitions: { requested: ["issued"], issued: ["requested"], cancelled: [] },
    });
    expect(machineProblems(broken)).toEqual([
      "cancelled is not reachable",
      "terminal issued has moves out",
      "cancelled is a dead end",
    ]);
  });
});
