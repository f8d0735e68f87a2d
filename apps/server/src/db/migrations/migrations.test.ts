import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../../../test/support/test-app";
import { createTestDatabase } from "../../../test/support/test-database";
import { SessionService } from "../../features/auth/sessions.service";
import { findAccountByIdNumber, sealPlainIdNumbers } from "../../features/users/accounts.service";
import { sha256Hex } from "../../shared/ids";
import { PersonalDataVault } from "../../shared/personal-data";
import { type DatabaseHandle, migrateToLatest } from "../database";
import { UnitOfWork } from "../unit-of-work";
import { migrations } from ".";

const now = new Date().toISOString();
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function seedUserAndEnterprise(suffix: string) {
  const { db } = handle;
  const userId = `user-${suffix}`;
  const enterpriseId = `ent-${suffix}`;
  await db
    .insertInto("users")
    .values({ id: userId, mobile: `1380000${suffix.padStart(4, "0")}`, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto("enterprises")
    .values({ id: enterpriseId, uscc: `USCC${suffix}`, name: `企业${suffix}`, created_at: now, updated_at: now })
    .execute();
  return { userId, enterpriseId };
}

describe(`schema constraints (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("allows one active administrator per enterprise", async () => {
    const a = await seedUserAndEnterprise("1");
    const b = await seedUserAndEnterprise("2");
    const identity = (id: string, userId: string) => ({
      id,
      user_id: userId,
      enterprise_id: a.enterpriseId,
      role: "admin" as const,
      status: "active" as const,
      created_at: now,
      updated_at: now,
    });
    await handle.db.insertInto("identities").values(identity("i1", a.userId)).execute();
    await expect(handle.db.insertInto("identities").values(identity("i2", b.userId)).execute()).rejects.toThrow();
    // A revoked former administrator does not block the new one.
    await handle.db.updateTable("identities").set({ status: "revoked" }).where("id", "=", "i1").execute();
    await handle.db.insertInto("identities").values(identity("i3", b.userId)).execute();
  });

  it("keeps money non-negative and states inside their tables", async () => {
    const row = { code: "x", name: "X", holder_kind: "personal" as const, created_at: now, updated_at: now };
    await expect(
      handle.db
        .insertInto("certificate_categories")
        .values({ ...row, base_fee_fen: -1 })
        .execute(),
    ).rejects.toThrow();
    await expect(
      handle.db
        .insertInto("staff")
        .values({
          id: "s",
          username: "u",
          display_name: "d",
          role: "superuser" as "operator",
          password_hash: "h",
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it("allows a mobile number on one account only", async () => {
    await handle.db
      .insertInto("users")
      .values({ id: "m1", mobile: "13912345678", created_at: now, updated_at: now })
      .execute();
    await expect(
      handle.db
        .insertInto("users")
        .values({ id: "m2", mobile: "13912345678", created_at: now, updated_at: now })
        .execute(),
    ).rejects.toThrow();
  });
});

describe("data kept across migrations", () => {
  it("009 keeps every session: a cookie's token still opens its session, now found by the token's hash", async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo("008_used_challenges");
    expect(down.error).toBeUndefined();
    const token = "token-from-before-009";
    await handle.db
      .insertInto("users")
      .values({ id: "kept-user", mobile: "13700000009", created_at: now, updated_at: now })
      .execute();
    await sql`insert into sessions (id, token_hash, subject_kind, user_id, created_at, expires_at)
      values ('random-uuid', ${sha256Hex(token)}, 'user', 'kept-user', ${now}, '2999-01-01T00:00:00.000Z')`.execute(
      handle.db,
    );
    await migrateToLatest(handle.db);
    const actor = await new SessionService(new TestClock(), 60_000).resolve(handle.db, token, "user");
    expect(actor).toMatchObject({ kind: "user", userId: "kept-user", sessionId: sha256Hex(token) });
  });

  it("013 seals the ID numbers kept in the plain before it, found afterwards by their keyed hash", async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("012_vendor_ca_adapter")).error).toBeUndefined();
    const idNumber = "210102198001011232";
    await sql`insert into users (id, mobile, id_number, created_at, updated_at)
      values ('plain-id-user', '13700000013', ${idNumber}, ${now}, ${now})`.execute(handle.db);
    await migrateToLatest(handle.db);
    const vault = await PersonalDataVault.fromSecret("x".repeat(32));
    const database = new UnitOfWork(handle);
    await sealPlainIdNumbers(database, vault, new Date());
    await sealPlainIdNumbers(database, vault, new Date());
    const row = await handle.db
      .selectFrom("users")
      .select(["id_number_hash", "id_number_sealed"])
      .where("id", "=", "plain-id-user")
      .executeTakeFirstOrThrow();
    expect(row.id_number_hash).not.toContain(idNumber);
    expect(vault.openIdNumber(row.id_number_sealed as string)).toBe(idNumber);
    expect((await findAccountByIdNumber(handle.db, vault, idNumber))?.id).toBe("plain-id-user");
  });
});
