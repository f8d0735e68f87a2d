import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode, expectError } from "../../../test/support/api-client";
import { buildBoundToken } from "../../../test/support/factories";
import { nextMobile } from "../../../test/support/identifiers";
import { latestSmsCode, sendSmsCode } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, withCatalog: true });
});
afterAll(() => t?.close());

const requestCode = (client: ApiClient, mobile: string, purpose: "bind" | "login" = "bind") =>
  client.post("/api/v1/auth/sms-code", { mobile, purpose });

async function countSms(mobile: string) {
  const rows = await t.ctx.database.db.selectFrom("sms_messages").select("id").where("mobile", "=", mobile).execute();
  return rows.length;
}

/** Without a (live) session the session route answers "no one", not an error. */
async function expectNoSession(answer: Promise<LightMyRequestResponse> | LightMyRequestResponse) {
  const response = await answer;
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ user: null });
}

/** A person with an account (bound through a personal key) and their mobile. */
async function personWithAccount() {
  const { user } = await buildBoundToken(t.ctx);
  return user.mobile;
}

describe("SMS codes: limits per mobile and per network", () => {
  it("one a minute and five an hour per mobile", async () => {
    const client = new ApiClient(t.app);
    const mobile = nextMobile();
    const sent = await requestCode(client, mobile);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 });
    expectError(await requestCode(client, mobile), 429, "SMS_RATE_LIMITED");
    clock.advance(30_000);
    expectError(await requestCode(client, mobile), 429, "SMS_RATE_LIMITED");
    for (let i = 2; i <= 5; i++) {
      clock.advance(MINUTE);
      expect((await requestCode(client, mobile)).statusCode).toBe(200);
    }
    clock.advance(MINUTE);
    const sixth = await requestCode(client, mobile);
    expectError(sixth, 429, "SMS_RATE_LIMITED");
    expect(sixth.json().error.message).toContain("每小时最多 5 条");
    expect(await countSms(mobile)).toBe(5);
    // Once the first send leaves the hour window, one more fits.
    clock.advance(HOUR - 4 * MINUTE);
    expect((await requestCode(client, mobile)).statusCode).toBe(200);
    // Another mobile is not affected by this one's limits.
    expect((await requestCode(client, nextMobile())).statusCode).toBe(200);
  });

  it("ten a day per mobile", async () => {
    const mobile = nextMobile();
    for (let hour = 0; hour < 2; hour++) {
      for (let i = 0; i < 5; i++) {
        expect((await requestCode(new ApiClient(t.app), mobile)).statusCode).toBe(200);
        clock.advance(MINUTE + 1000);
      }
      clock.advance(HOUR);
    }
    const eleventh = await requestCode(new ApiClient(t.app), mobile);
    expectError(eleventh, 429, "SMS_RATE_LIMITED");
    expect(eleventh.json().error.message).toContain("每天最多 10 条");
    clock.advance(24 * HOUR);
    expect((await requestCode(new ApiClient(t.app), mobile)).statusCode).toBe(200);
    expect(await countSms(mobile)).toBe(11);
  });

  it("thirty an hour from one network, whatever the mobiles", async () => {
    const client = new ApiClient(t.app);
    for (let i = 0; i < 30; i++) expect((await requestCode(client, nextMobile())).statusCode).toBe(200);
    const refused = nextMobile();
    expectError(await requestCode(client, refused), 429, "SMS_RATE_LIMITED");
    expect(await countSms(refused)).toBe(0);
    // Another network may still send to that mobile.
    expect((await requestCode(new ApiClient(t.app), refused)).statusCode).toBe(200);
  });

  it("refuses malformed mobiles", async () => {
    const client = new ApiClient(t.app);
    expectError(await requestCode(client, "12345678901"), 400, "MOBILE_INVALID");
    expectError(await requestCode(client, "abc"), 400, "MOBILE_INVALID");
    expectError(
      await client.post("/api/v1/auth/sms-code", { mobile: nextMobile(), purpose: "reset" }),
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("login codes do not tell which mobiles have accounts", () => {
  it("answers a mobile with no account as one with an account, and sends it nothing", async () => {
    const known = await personWithAccount();
    const unknown = nextMobile();
    clock.advance(MINUTE + 1000);
    const client = new ApiClient(t.app);
    const toKnown = await requestCode(client, known, "login");
    const toUnknown = await requestCode(client, unknown, "login");
    expect({ status: toUnknown.statusCode, body: toUnknown.json() }).toEqual({
      status: toKnown.statusCode,
      body: toKnown.json(),
    });
    expect(toUnknown.statusCode).toBe(200);
    expect(await countSms(unknown)).toBe(0);
    // The same per-mobile limit answers a second request for either.
    expectError(await requestCode(client, known, "login"), 429, "SMS_RATE_LIMITED");
    expectError(await requestCode(client, unknown, "login"), 429, "SMS_RATE_LIMITED");
  });

  it("thirty an hour from one address, even when asked all at once for mobiles with no account", async () => {
    const client = new ApiClient(t.app);
    await client.get("/api/v1/health");
    const mobiles = Array.from({ length: 45 }, () => nextMobile());
    const answers = await Promise.all(mobiles.map((mobile) => requestCode(client, mobile, "login")));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(30);
    for (const refused of answers.filter((a) => a.statusCode !== 200)) expectError(refused, 429, "SMS_RATE_LIMITED");
    const sent = await t.ctx.database.db
      .selectFrom("sms_messages")
      .select("id")
      .where("mobile", "in", mobiles)
      .execute();
    expect(sent).toHaveLength(0);
  });
});

describe("mobile + SMS login, session, logout", () => {
  it("logs a bound person in with a login code and sets the session; logout ends it", async () => {
    const mobile = await personWithAccount();
    clock.advance(MINUTE + 1000);
    const client = new ApiClient(t.app);
    await expectNoSession(client.get("/api/v1/auth/session"));
    // +86 and spaces are the same mobile.
    const sent = await requestCode(client, `+86 ${mobile.slice(0, 3)} ${mobile.slice(3)}`, "login");
    expect(sent.statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, mobile);
    const login = await client.post("/api/v1/auth/sms-login", { mobile, smsCode: code });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ status: "logged_in", user: { identities: [{ role: "individual" }] } });
    const cookie = login.cookies.find((c) => c.name === "lnca_session");
    expect(cookie).toMatchObject({ httpOnly: true, path: "/" });
    const session = await client.get("/api/v1/auth/session");
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(login.json().user.id);

    // The code is single use.
    expectError(
      await new ApiClient(t.app).post("/api/v1/auth/sms-login", { mobile, smsCode: code }),
      400,
      "SMS_CODE_INVALID",
    );

    const token = client.cookies.get("lnca_session") ?? "";
    const logout = await client.post("/api/v1/auth/logout");
    expect(logout.statusCode).toBe(204);
    expect(client.cookies.has("lnca_session")).toBe(false);
    await expectNoSession(client.get("/api/v1/auth/session"));
    // The old token is dead on the server, not just forgotten by the browser.
    const replay = await t.app.inject({ url: "/api/v1/auth/session", cookies: { lnca_session: token } });
    await expectNoSession(replay);
  });

  it("refuses a wrong code, a bind code, and a mobile with no account", async () => {
    const mobile = await personWithAccount();
    clock.advance(MINUTE + 1000);
    const client = new ApiClient(t.app);
    const bindCode = await sendSmsCode(t, client, mobile, "bind");
    expectError(await client.post("/api/v1/auth/sms-login", { mobile, smsCode: bindCode }), 400, "SMS_CODE_INVALID");
    clock.advance(MINUTE + 1000);
    const code = await sendSmsCode(t, client, mobile, "login");
    const wrong = code === "000000" ? "111111" : "000000";
    expectError(await client.post("/api/v1/auth/sms-login", { mobile, smsCode: wrong }), 400, "SMS_CODE_INVALID");
    expect(client.cookies.has("lnca_session")).toBe(false);
    expectError(
      await client.post("/api/v1/auth/sms-login", { mobile: nextMobile(), smsCode: "123456" }),
      400,
      "SMS_CODE_INVALID",
    );
    expect((await client.post("/api/v1/auth/sms-login", { mobile, smsCode: code })).statusCode).toBe(200);
  });

  it("five tries per code, however many arrive at once; a code that had them is dead", async () => {
    const mobile = await personWithAccount();
    clock.advance(MINUTE + 1000);
    const code = await sendSmsCode(t, new ApiClient(t.app), mobile, "login");
    const wrong = Array.from({ length: 99 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const tries = [...wrong, code].map((smsCode) => ({ client: new ApiClient(t.app), smsCode }));
    await Promise.all(tries.map(({ client }) => client.get("/api/v1/health")));
    const answers = await Promise.all(
      tries.map(({ client, smsCode }) => client.post("/api/v1/auth/sms-login", { mobile, smsCode })),
    );
    const checked = answers.filter((a) => a.statusCode === 200 || errorCode(a) === "SMS_CODE_INVALID");
    expect(checked).toHaveLength(5);
    for (const refused of answers.filter((a) => !checked.includes(a))) {
      expectError(refused, 429, "SMS_CODE_TOO_MANY_ATTEMPTS");
    }
    const row = await t.ctx.database.db
      .selectFrom("sms_codes")
      .select(["attempts", "consumed_at"])
      .where("mobile", "=", mobile)
      .where("purpose", "=", "login")
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(5);
    if (answers[99]?.statusCode !== 200) {
      // The right code came too late: it was refused, and stays refused.
      expect(row.consumed_at).toBeNull();
      expectError(
        await new ApiClient(t.app).post("/api/v1/auth/sms-login", { mobile, smsCode: code }),
        429,
        "SMS_CODE_TOO_MANY_ATTEMPTS",
      );
    }
  });

  it("after five wrong tries the right code is refused too", async () => {
    const mobile = await personWithAccount();
    clock.advance(MINUTE + 1000);
    const client = new ApiClient(t.app);
    const code = await sendSmsCode(t, client, mobile, "login");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      expectError(await client.post("/api/v1/auth/sms-login", { mobile, smsCode: wrong }), 400, "SMS_CODE_INVALID");
    }
    const right = await client.post("/api/v1/auth/sms-login", { mobile, smsCode: code });
    expectError(right, 429, "SMS_CODE_TOO_MANY_ATTEMPTS");
  });

  it("a session ends by itself after SESSION_TTL", async () => {
    const mobile = await personWithAccount();
    clock.advance(MINUTE + 1000);
    const client = new ApiClient(t.app);
    const code = await sendSmsCode(t, client, mobile, "login");
    expect((await client.post("/api/v1/auth/sms-login", { mobile, smsCode: code })).statusCode).toBe(200);
    clock.advance(t.ctx.config.sessionTtlMs - MINUTE);
    expect((await client.get("/api/v1/auth/session")).statusCode).toBe(200);
    clock.advance(2 * MINUTE);
    await expectNoSession(client.get("/api/v1/auth/session"));
  });
});
