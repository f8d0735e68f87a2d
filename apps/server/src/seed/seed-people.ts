import path from "node:path";
import { exportPrivateKeyPem, generateKeyPair } from "@lnca/pki";
import { createSoftTokenFile } from "@lnca/pki/softtoken";
import type { AppContext } from "../app/context";
import { systemActor } from "../features/policy/actor";
import { registerUserWithToken } from "../features/users/accounts.service";
import { DEMO_PIN, DEMO_STAFF, demoKeys } from "./demo-people";

const DAY_MS = 86_400_000;

/**
 * Issues every demo key's certificate from the built-in CA (valid for the last 345 days and the next 20),
 * binds the keys that come bound, creates the console staff, and writes the keys to the soft-token file the
 * demo keybridge serves (each entry an inserted USB key, PIN 111111).
 */
export async function seedDemoPeople(ctx: AppContext): Promise<string> {
  const now = ctx.clock.now();
  const softTokenKeys = [];
  for (const key of demoKeys) {
    const keys = await generateKeyPair(key.algorithm);
    const { certificate, certificatePem } = await ctx.issuance.issueForNewKey(systemActor, {
      profile: key.profile,
      publicKey: keys.publicKey,
      notBefore: new Date(now.getTime() - 345 * DAY_MS),
      notAfter: new Date(now.getTime() + 20 * DAY_MS),
      platformCodes: key.platformCodes,
      tokenLabel: key.label,
    });
    const person = key.boundTo;
    if (person) {
      const { userId } = await registerUserWithToken(ctx, systemActor, {
        user: person,
        certificate,
        via: "demo_seed",
        now,
      });
      if (person.email) await completeDemoProfile(ctx, userId, { ...person, email: person.email });
    }
    softTokenKeys.push({
      keyId: key.keyId,
      label: key.label,
      pin: DEMO_PIN,
      items: [
        { privateKeyPkcs8Pem: await exportPrivateKeyPem(keys.privateKey), certificatePem, chainPem: ctx.ca.chainPem },
      ],
    });
  }
  for (const staff of DEMO_STAFF) await ctx.staffAuth.create(staff);
  const file = demoSoftTokenPath(ctx.config.dataDir);
  await createSoftTokenFile(file, softTokenKeys);
  return file;
}

/** 已完善: the person's own details and both sides of a (placeholder) ID card, as the profile page saves them. */
async function completeDemoProfile(
  ctx: AppContext,
  userId: string,
  person: { name: string; idNumber: string; email: string },
): Promise<void> {
  const actor = { kind: "user" as const, userId };
  await ctx.profiles.update(actor, userId, person);
  for (const side of ["front", "back"] as const) {
    await ctx.idScans.upload(actor, userId, { side, bytes: DEMO_ID_SCAN_PNG, fileName: `demo-id-${side}.png` });
  }
}

/** A 1×1 grey PNG: the demo's stand-in for a scanned ID card. */
export const DEMO_ID_SCAN_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

export const demoSoftTokenPath = (dataDir: string) => path.join(dataDir, "demo-keys.softtoken.json");
