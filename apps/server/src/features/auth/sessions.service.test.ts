import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../../../test/support/test-app";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { sha256Hex } from "../../shared/ids";
import { SessionService } from "./sessions.service";

let database: DatabaseHandle;
const at = "2026-01-01T00:00:00.000Z";
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto("users")
    .values({ id: "session-user", mobile: "13700000010", created_at: at, updated_at: at })
    .execute();
});
afterAll(() => database.close());

const open = (sessions: SessionService) =>
  sessions.create(database.db, {
    subject: { kind: "user", userId: "session-user", identityId: null },
    ip: null,
    userAgent: null,
  });
const storedIds = () => database.db.selectFrom("sessions").select("id").orderBy("created_at").execute();

describe("SessionService: session ids", () => {
  it("keys a session by its token's time prefix and hash: never the token, later sessions sort after", async () => {
    const clock = new TestClock(new Date(at));
    const sessions = new SessionService(clock, 3_600_000);
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      tokens.push((await open(sessions)).token);
      clock.advance(1);
    }
    const ids = (await storedIds()).map((row) => row.id);
    expect(ids).toEqual([...ids].sort());
    for (const [i, token] of tokens.entries()) {
      const [prefix, random] = token.split(".");
      expect(Buffer.from(random ?? "", "base64url")).toHaveLength(32);
      expect(ids[i]).toBe(`${prefix}.${sha256Hex(token)}`);
      expect(ids).not.toContain(token);
      expect(await sessions.resolve(database.db, token, "user")).toMatchObject({ userId: "session-user" });
    }
  });

  it("refuses a token whose prefix was changed, and a revoked one", async () => {
    const sessions = new SessionService(new TestClock(new Date(at)), 3_600_000);
    const { token } = await open(sessions);
    const forged = `000000000.${token.split(".")[1]}`;
    expect(await sessions.resolve(database.db, forged, "user")).toBeNull();
    await sessions.revoke(database.db, token);
    expect(await sessions.resolve(database.db, token, "user")).toBeNull();
  });
});
