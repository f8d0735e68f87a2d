import { createCsr, describeCertificate, generateKeyPair } from "@lnca/pki";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKey, newEnterprise, organizationProfile } from "../../test/support/factories";
import { nextSeq } from "../../test/support/identifiers";
import { createTestApp, type TestApp } from "../../test/support/test-app";
import { systemActor } from "../features/policy/actor";
import { AppError } from "../shared/app-error";
import { createContext } from "./context";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function newVendor() {
  const code = `V${nextSeq()}`;
  await t.ctx.catalogAdmin.createVendor(systemActor, { code, name: `厂商${code}` });
  const vendor = await t.ctx.catalogAdmin.findVendor(code);
  if (!vendor) throw new Error("vendor not created");
  return vendor;
}

describe(`CA adapter per vendor (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("serves a vendor through the built-in CA unless its catalog row says otherwise", async () => {
    const vendor = await newVendor();
    expect(vendor.adapter).toBe("builtin");
    const adapter = t.ctx.adapters.caAdapterFor(vendor);
    expect(adapter).toBe(t.ctx.ca);

    // Renewal the way vendor CAs do it: a reference for the old certificate, then a CSR made on the new key.
    const profile = organizationProfile(newEnterprise());
    const old = await issueKey(t.ctx, profile);
    const { reference } = await adapter.requestRenewal({
      certificatePem: old.certificatePem,
      notAfter: describeCertificate(old.certificatePem).notAfter,
    });
    const keys = await generateKeyPair("EC-P256");
    const renewed = await adapter.download({
      reference,
      csrPem: await createCsr({ keys, algorithm: "EC-P256", profile }),
    });
    const d = describeCertificate(renewed.certificatePem);
    expect(d.subject).toBe(describeCertificate(old.certificatePem).subject);
    expect(d.serialNumber).not.toBe(old.serialNumber);
    expect(renewed.chainPem).toEqual(t.ctx.ca.chainPem);
  });

  it("refuses, with a code, an EST vendor whose URL is not configured — when used, not at start", async () => {
    const vendor = await newVendor();
    await t.ctx.database.db.updateTable("vendors").set({ adapter: "est" }).where("id", "=", vendor.id).execute();
    const estVendor = await t.ctx.catalogAdmin.findVendor(vendor.code);
    if (!estVendor) throw new Error("vendor gone");
    expect(estVendor.adapter).toBe("est");

    const restarted = await createContext({
      config: t.ctx.config,
      database: { ...t.ctx.database, close: async () => {} },
      logger: pino({ level: "silent" }),
      clock: t.ctx.clock,
    });
    for (const ctx of [t.ctx, restarted]) {
      const use = () => ctx.adapters.caAdapterFor(estVendor);
      expect(use).toThrow(AppError);
      expect(use).toThrow(expect.objectContaining({ code: "CA_ADAPTER_UNAVAILABLE" }));
    }
  });

  it("keeps a vendor's adapter among the known kinds", async () => {
    const vendor = await newVendor();
    await expect(
      t.ctx.database.db
        .updateTable("vendors")
        .set({ adapter: "ftp" as "est" })
        .where("id", "=", vendor.id)
        .execute(),
    ).rejects.toThrow();
  });
});
