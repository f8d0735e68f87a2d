import { generateKeyPair } from "@lnca/pki";
import { makeSelfSignedCertificate } from "@lnca/pki/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode } from "../../../test/support/api-client";
import { issueKey, newEnterprise, personalProfile } from "../../../test/support/factories";
import { nextMobile } from "../../../test/support/identifiers";
import { boundUser, caLogin, getChallenge } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import { certificateMachine } from "../certificates/certificates.states";

const ORIGIN = "https://lnca.example.cn";
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t?.close());

const personalKey = () =>
  issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: newEnterprise() }));
/** 1 when the challenge of this id is spent: a spent challenge is kept by the nonce its id carries. */
const spentIds = async (id: string) =>
  (
    await t.ctx.database.db
      .selectFrom("used_challenges")
      .select("nonce")
      .where("nonce", "=", id.split(".")[1] ?? "")
      .execute()
  ).length;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code,
  );

describe("CA login spends its challenge in the transaction of the session, or on its own when it fails", () => {
  it("open() writes nothing; spend() in a transaction that rolls back leaves the challenge unspent", async () => {
    const { challengeId } = await t.ctx.challenges.issue("ca-login", ORIGIN);
    const open = await t.ctx.challenges.open(challengeId, "ca-login");
    expect(await spentIds(challengeId)).toBe(0);
    await expect(
      t.ctx.database.db.transaction().execute(async (trx) => {
        await t.ctx.challenges.spend(trx, open);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await spentIds(challengeId)).toBe(0);
    await t.ctx.database.db.transaction().execute((trx) => t.ctx.challenges.spend(trx, open));
    expect(await spentIds(challengeId)).toBe(1);
    expect(await codeOf(t.ctx.challenges.spend(t.ctx.database.db, open))).toBe("CHALLENGE_REUSED");
  });

  it("spendAfterFailure() spends it and keeps the error, or says CHALLENGE_REUSED when it was used before", async () => {
    const { challengeId } = await t.ctx.challenges.issue("ca-login", ORIGIN);
    const open = await t.ctx.challenges.open(challengeId, "ca-login");
    const failure = new AppError("SIGNATURE_INVALID");
    expect(await t.ctx.challenges.spendAfterFailure(open, failure)).toBe(failure);
    expect(await spentIds(challengeId)).toBe(1);
    const again = await t.ctx.challenges.spendAfterFailure(open, failure);
    expect((again as AppError).code).toBe("CHALLENGE_REUSED");
  });

  it("open() refuses an expired or other-purpose challenge and spends it at once", async () => {
    const stale = await t.ctx.challenges.issue("ca-login", ORIGIN);
    clock.advance(t.ctx.config.challengeTtlMs + 1);
    expect(await codeOf(t.ctx.challenges.open(stale.challengeId, "ca-login"))).toBe("CHALLENGE_EXPIRED");
    expect(await spentIds(stale.challengeId)).toBe(1);
    expect(await codeOf(t.ctx.challenges.open(stale.challengeId, "ca-login"))).toBe("CHALLENGE_REUSED");
  });

  it("a successful login commits the spent challenge with its session", async () => {
    const key = await personalKey();
    await boundUser(t, key, { mobile: nextMobile() });
    const client = new ApiClient(t.app);
    const challenge = await getChallenge(client);
    const response = await caLogin(client, key, { challenge });
    expect(response.json().status).toBe("logged_in");
    expect(await spentIds(challenge.challengeId)).toBe(1);
    expect(errorCode(await caLogin(new ApiClient(t.app), key, { challenge }))).toBe("CHALLENGE_REUSED");
  });

  it("a login that fails inside its transaction (revoked in the platform's records) still spends it", async () => {
    const key = await personalKey();
    expect((await caLogin(new ApiClient(t.app), key)).json().status).toBe("binding_required");
    const row = await t.ctx.database.db
      .selectFrom("certificates")
      .select("id")
      .where("serial_number", "=", key.serialNumber)
      .executeTakeFirstOrThrow();
    await transition(t.ctx.database.db, certificateMachine, {
      id: row.id,
      from: "active",
      to: "revoked",
      set: { revoked_at: clock.now().toISOString() },
    });
    const client = new ApiClient(t.app);
    const challenge = await getChallenge(client);
    expect(errorCode(await caLogin(client, key, { challenge }))).toBe("CERTIFICATE_REVOKED");
    expect(await spentIds(challenge.challengeId)).toBe(1);
    expect(errorCode(await caLogin(client, key, { challenge }))).toBe("CHALLENGE_REUSED");
  });

  it("a reused challenge is CHALLENGE_REUSED even when the certificate or signature would be refused too", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const challenge = await getChallenge(client);
    expect((await caLogin(client, key, { challenge })).statusCode).toBe(200);
    const { certificatePem } = await makeSelfSignedCertificate();
    expect(errorCode(await caLogin(client, key, { challenge, certificatePem }))).toBe("CHALLENGE_REUSED");
    const other = await generateKeyPair("EC-P256");
    expect(errorCode(await caLogin(client, key, { challenge, signWith: other.privateKey }))).toBe("CHALLENGE_REUSED");
  });
});
