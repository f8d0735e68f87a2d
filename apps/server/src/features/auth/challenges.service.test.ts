import { parseChallenge } from "@lnca/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../../../test/support/test-app";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { UnitOfWork } from "../../db/unit-of-work";
import { ChallengeService, MAX_CHALLENGE_ID_LENGTH } from "./challenges.service";

const KEY = "challenge-test-secret-key-0123456789abcdef";
const ORIGIN = "https://lnca.example.cn";
const TTL = 120_000;

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const service = (clock = new TestClock(), key = KEY) =>
  new ChallengeService({ database: new UnitOfWork(database), clock, ttlMs: TTL, secretKey: key });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code,
  );
const usedRows = () => database.db.selectFrom("used_challenges").select("nonce").execute();
/** The nonce a challenge id carries (its second field), which is what a spent challenge is kept by. */
const nonceOf = (challengeId: string) => challengeId.split(".")[1];

describe("ChallengeService (stateless until used)", () => {
  it("issues without writing, in the keybridge's format, and consumes once", async () => {
    const challenges = service();
    const before = (await usedRows()).length;
    const issued = await challenges.issue("ca-login", ORIGIN);
    expect((await usedRows()).length).toBe(before);
    expect(issued.challengeId.length).toBeLessThanOrEqual(MAX_CHALLENGE_ID_LENGTH);
    expect(parseChallenge(issued.challenge)).toMatchObject({ purpose: "ca-login", origin: ORIGIN });
    expect(await challenges.consume(issued.challengeId, "ca-login")).toBe(issued.challenge);
    expect(await codeOf(challenges.consume(issued.challengeId, "ca-login"))).toBe("CHALLENGE_REUSED");
  });

  it("refuses ids it did not issue or that were changed: CHALLENGE_UNKNOWN", async () => {
    const challenges = service();
    const { challengeId } = await challenges.issue("ca-login", ORIGIN);
    const parts = challengeId.split(".");
    const changed = (i: number, value: string) => parts.map((p, j) => (j === i ? value : p)).join(".");
    const forged = [
      "",
      "not-a-challenge",
      crypto.randomUUID(),
      changed(1, `${parts[1]!.slice(0, -1)}${parts[1]!.endsWith("A") ? "B" : "A"}`), // nonce
      changed(2, (Number.parseInt(parts[2]!, 36) + 1).toString(36)), // issued-at
      changed(3, (TTL * 100).toString(36)), // lifetime
      changed(4, "1"), // purpose
      changed(5, Buffer.from("https://evil.example").toString("base64url")), // origin
      changed(6, "A".repeat(parts[6]!.length)), // MAC
      `${challengeId}.x`,
      challengeId.replace(/^c1/, "c2"),
      (await service(new TestClock(), "another-secret-key-another-secret-key-0000").issue("ca-login", ORIGIN))
        .challengeId,
    ];
    for (const id of forged) expect(await codeOf(challenges.consume(id, "ca-login")), id).toBe("CHALLENGE_UNKNOWN");
    // The real one is still unspent.
    expect(await codeOf(challenges.consume(challengeId, "ca-login"))).toBe("ok");
  });

  it("refuses an expired challenge (spending it) and then as reused", async () => {
    const clock = new TestClock();
    const challenges = service(clock);
    const fresh = await challenges.issue("ca-login", ORIGIN);
    clock.advance(TTL - 1);
    expect(await codeOf(challenges.consume(fresh.challengeId, "ca-login"))).toBe("ok");
    const stale = await challenges.issue("ca-login", ORIGIN);
    clock.advance(TTL);
    expect(await codeOf(challenges.consume(stale.challengeId, "ca-login"))).toBe("CHALLENGE_EXPIRED");
    expect(await codeOf(challenges.consume(stale.challengeId, "ca-login"))).toBe("CHALLENGE_REUSED");
  });

  it("is single-use across server processes sharing SECRET_KEY, even when submitted at once", async () => {
    const processes = [service(), service(), service()];
    const { challengeId } = await processes[0]!.issue("ca-login", ORIGIN);
    const outcomes = await Promise.all(
      processes.flatMap((p) => [p, p].map((q) => codeOf(q.consume(challengeId, "ca-login")))),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CHALLENGE_REUSED")).toHaveLength(5);
  });

  it("purges used challenges only once they have expired", async () => {
    const clock = new TestClock(new Date("2030-01-01T00:00:00Z"));
    const challenges = service(clock);
    const old = await challenges.issue("ca-login", ORIGIN);
    await challenges.consume(old.challengeId, "ca-login");
    clock.advance(TTL + 61_000);
    const recent = await challenges.issue("ca-login", ORIGIN);
    await challenges.consume(recent.challengeId, "ca-login");
    expect(await challenges.purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = (await usedRows()).map((r) => r.nonce);
    expect(left).toContain(nonceOf(recent.challengeId));
    expect(left).not.toContain(nonceOf(old.challengeId));
  });

  it("refuses to issue for an origin too long to carry in an id", async () => {
    await expect(service().issue("ca-login", `https://${"a".repeat(120)}.cn`)).rejects.toThrow(/origin too long/);
  });
});
