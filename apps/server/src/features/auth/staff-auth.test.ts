import { performance } from "node:perf_hooks";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiClient, expectError, nextIp } from "../../../test/support/api-client";
import { nextSeq } from "../../../test/support/identifiers";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import * as passwords from "../../shared/passwords";

// The real scrypt, watched: which hash each login attempt was checked against.
vi.mock("../../shared/passwords", async (original) => {
  const actual = await original<typeof passwords>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifyPassword = vi.mocked(passwords.verifyPassword);

const PASSWORD = "correct horse battery staple";
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t?.close());
beforeEach(() => {
  verifyPassword.mockClear();
});

async function operator(): Promise<string> {
  const username = `operator${nextSeq()}`;
  await t.ctx.staffAuth.create({ username, displayName: "测试运营", role: "operator", password: PASSWORD });
  return username;
}

/** A client at `ip` with its CSRF cookie already set, so its tries can all be sent at the same moment. */
async function clientAt(ip = nextIp()): Promise<ApiClient> {
  const client = new ApiClient(t.app, ip);
  await client.get("/api/v1/health");
  return client;
}

const login = (client: ApiClient, username: string, password: string) =>
  client.post("/api/v1/console/auth/login", { username, password });

function tally(answers: LightMyRequestResponse[]) {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = `${a.statusCode} ${a.json().error?.code ?? ""}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("console login: tries per username and per address, all at once", () => {
  it("50 simultaneous tries of one username from one address: 10 are answered, the rest refused", async () => {
    const username = await operator();
    const ip = nextIp();
    const clients = await Promise.all(Array.from({ length: 50 }, () => clientAt(ip)));
    const answers = await Promise.all(clients.map((c) => login(c, username, "wrong-password")));
    expect(tally(answers)).toEqual({ "401 CREDENTIALS_INVALID": 10, "429 LOGIN_RATE_LIMITED": 40 });
  });

  it("40 different usernames from one address at once: 20 are answered, the rest refused", async () => {
    const ip = nextIp();
    const clients = await Promise.all(Array.from({ length: 40 }, () => clientAt(ip)));
    const answers = await Promise.all(clients.map((c, i) => login(c, `nobody-${nextSeq()}-${i}`, "guess")));
    expect(tally(answers)).toEqual({ "401 CREDENTIALS_INVALID": 20, "429 LOGIN_RATE_LIMITED": 20 });
    const refused = answers.find((a) => a.statusCode === 429);
    expect(refused?.json().error.message).toContain("同一网络每分钟最多 20 次");
    // Another address is not affected.
    expectError(await login(await clientAt(), `nobody-${nextSeq()}`, "guess"), 401, "CREDENTIALS_INVALID");
  });
});

describe("console login: no lock-out from elsewhere, no usernames shown", () => {
  it("an attacker's failures delay only their own address, doubling; the operator logs in from another", async () => {
    const username = await operator();
    const attacker = await clientAt();
    for (let i = 0; i < 10; i++) expectError(await login(attacker, username, `guess-${i}`), 401, "CREDENTIALS_INVALID");
    const blocked = await login(attacker, username, "guess");
    expectError(blocked, 429, "LOGIN_RATE_LIMITED");
    expect(blocked.json().error.message).toBe("尝试过于频繁，请 1 秒后再试");
    // Even the right password waits out the delay at that address.
    expectError(await login(attacker, username, PASSWORD), 429, "LOGIN_RATE_LIMITED");

    // The real operator, elsewhere, is let in at once.
    expect((await login(await clientAt(), username, PASSWORD)).statusCode).toBe(200);

    // At the attacker's address each further failure doubles the wait: 1 s, 2 s, 4 s.
    for (const waitMs of [1000, 2000, 4000]) {
      clock.advance(waitMs - 1);
      expectError(await login(attacker, username, "guess"), 429, "LOGIN_RATE_LIMITED");
      clock.advance(1);
      expectError(await login(attacker, username, "guess"), 401, "CREDENTIALS_INVALID");
    }
    // A success at that address starts it over (a minute on, so the address's own budget has room again).
    clock.advance(60_000);
    expect((await login(attacker, username, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expectError(await login(attacker, username, `guess-${i}`), 401, "CREDENTIALS_INVALID");
  });

  it("an unknown username is checked against a hash of the same cost, as slowly as a real one", async () => {
    const username = await operator();
    const stored = await t.ctx.database.db
      .selectFrom("staff")
      .select("password_hash")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();

    expectError(await login(await clientAt(), username, "wrong"), 401, "CREDENTIALS_INVALID");
    expect(verifyPassword.mock.calls).toEqual([["wrong", stored.password_hash]]);
    verifyPassword.mockClear();
    expectError(await login(await clientAt(), `nobody-${nextSeq()}`, "wrong"), 401, "CREDENTIALS_INVALID");
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const [password, dummy] = verifyPassword.mock.calls[0] ?? [];
    expect(password).toBe("wrong");
    // Same scheme and the same sizes of salt and hash as a stored one (the cost is the scheme's, fixed).
    expect(dummy?.split("$").map((part) => part.length)).toEqual(
      stored.password_hash.split("$").map((part) => part.length),
    );

    // And the clock agrees, loosely: the median unknown answer takes at least a third of a known one's.
    const timed = async (name: string) => {
      const client = await clientAt();
      const start = performance.now();
      await login(client, name, "wrong");
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed(username));
      unknown.push(await timed(`nobody-${nextSeq()}`));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it("a disabled account answers as a wrong password, after the same check", async () => {
    const username = await operator();
    await t.ctx.database.db.updateTable("staff").set({ disabled: 1 }).where("username", "=", username).execute();
    expectError(await login(await clientAt(), username, PASSWORD), 401, "CREDENTIALS_INVALID");
    expect(verifyPassword).toHaveBeenCalledTimes(1);
  });
});
