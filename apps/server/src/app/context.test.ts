import { describe, expect, it } from "vitest";
import { AppError } from "../shared/app-error";
import { jobsOf } from "./context";
import type { FeatureModule } from "./feature-module";

const module = (jobs?: FeatureModule["jobs"]): FeatureModule => ({ name: "m", services: {}, jobs });

describe("the outbox job map the composition root assembles", () => {
  it("takes each module's handlers", () => {
    const send = async () => {};
    const mail = async () => {};
    const close = async () => {};
    const refund = async () => {};
    const webhook = async () => {};
    const payments = module({ "payments.close": close, "payments.refund": refund });
    const interop = module({ "interop.webhook": webhook });
    expect(jobsOf([module(), module({ "sms.send": send }), module({ "mail.send": mail }), payments, interop])).toEqual({
      "sms.send": send,
      "mail.send": mail,
      "payments.close": close,
      "payments.refund": refund,
      "interop.webhook": webhook,
    });
  });

  it("refuses to start when a declared job kind has no handler", () => {
    expect(() => jobsOf([module()])).toThrow(AppError);
    expect(() => jobsOf([module()])).toThrow(/sms\.send/);
    expect(() => jobsOf([module({ "sms.send": async () => {} })])).toThrow(/mail\.send/);
  });
});
