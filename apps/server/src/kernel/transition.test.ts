import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/test-database";
import type { DatabaseHandle } from "../db/database";
import { findCertificateById } from "../features/certificates/certificates.queries";
import { recordCertificateOnToken } from "../features/certificates/certificates.service";
import { certificateMachine } from "../features/certificates/certificates.states";
import { systemActor } from "../features/policy/actor";
import { AppError } from "../shared/app-error";
import { newId } from "../shared/ids";
import { transition } from "./transition";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function activeCertificate(): Promise<string> {
  const row = await recordCertificateOnToken(database.db, {
    tokenLabel: null,
    now: new Date(),
    certificate: {
      serial_number: newId(),
      issuer: "CN=Test CA",
      holder_kind: "personal",
      holder_name: "张三",
      source: "registry",
    },
  });
  return row.id;
}

const auditRowsOf = (id: string) =>
  database.db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute();
const jobsFor = (id: string) =>
  database.db.selectFrom("outbox_jobs").selectAll().where("dedupe_key", "=", `test:${id}`).execute();

function revoke(id: string, from: "active" | "superseded" | "revoked" = "active") {
  return {
    id,
    from,
    to: "revoked" as const,
    set: { revoked_at: "2026-01-01T00:00:00.000Z", revocation_reason: "key_compromise" },
    audit: { actor: systemActor, action: "certificate.revoked" as const, data: { reason: "key_compromise" } },
    jobs: [{ kind: "sms.send" as const, payload: { messageId: id }, dedupeKey: `test:${id}` }],
  };
}

function expectStateConflict(result: PromiseSettledResult<unknown>): void {
  expect(result.status).toBe("rejected");
  const reason = (result as PromiseRejectedResult).reason;
  expect(reason).toBeInstanceOf(AppError);
  expect((reason as AppError).code).toBe("STATE_CONFLICT");
}

describe("the transition step", () => {
  it("moves the row with its columns, and writes its audit row and jobs in the same transaction", async () => {
    const id = await activeCertificate();
    await database.db.transaction().execute((trx) => transition(trx, certificateMachine, revoke(id)));
    expect(await findCertificateById(database.db, id)).toMatchObject({
      status: "revoked",
      revoked_at: "2026-01-01T00:00:00.000Z",
      revocation_reason: "key_compromise",
    });
    const [audit] = await auditRowsOf(id);
    expect(audit).toMatchObject({ action: "certificate.revoked", entity_kind: "certificate", actor_kind: "system" });
    expect(JSON.parse(audit!.data)).toEqual({ reason: "key_compromise" });
    const [job] = await jobsFor(id);
    expect(job).toMatchObject({ kind: "sms.send", status: "pending" });
    expect(JSON.parse(job!.payload)).toEqual({ messageId: id });
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    const id = await activeCertificate();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await transition(trx, certificateMachine, revoke(id));
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect((await findCertificateById(database.db, id))?.status).toBe("active");
    expect(await auditRowsOf(id)).toHaveLength(0);
    expect(await jobsFor(id)).toHaveLength(0);
  });

  it("refuses a move the table does not allow, before touching the row", async () => {
    const id = await activeCertificate();
    const [result] = await Promise.allSettled([
      transition(database.db, certificateMachine, { id, from: "revoked", to: "active" }),
    ]);
    expectStateConflict(result!);
    expect((await findCertificateById(database.db, id))?.status).toBe("active");
  });

  it("refuses when the row is no longer in the expected state, writing nothing", async () => {
    const id = await activeCertificate();
    const [result] = await Promise.allSettled([transition(database.db, certificateMachine, revoke(id, "superseded"))]);
    expectStateConflict(result!);
    expect((await findCertificateById(database.db, id))?.status).toBe("active");
    expect(await auditRowsOf(id)).toHaveLength(0);
    expect(await jobsFor(id)).toHaveLength(0);
  });

  it("refuses when a guard column no longer holds", async () => {
    const id = await activeCertificate();
    const [result] = await Promise.allSettled([
      transition(database.db, certificateMachine, { ...revoke(id), guard: { holder_name: "李四" } }),
    ]);
    expectStateConflict(result!);
    expect((await findCertificateById(database.db, id))?.status).toBe("active");
  });

  it("of two transactions moving the same row from the same state at once, exactly one wins", async () => {
    const id = await activeCertificate();
    // On PostgreSQL each transaction has its own pooled connection: both read the row as active before either
    // writes, so only the conditional UPDATE can tell them apart. SQLite runs one transaction at a time on its
    // one connection (the second waits), so there they cannot both read first; the outcome must be the same.
    const bothRead = meeting(2);
    const attempt = () =>
      database.db.transaction().execute(async (trx) => {
        if (database.kind === "postgres") {
          expect((await findCertificateById(trx, id))?.status).toBe("active");
          await bothRead();
        }
        await transition(trx, certificateMachine, revoke(id));
      });
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expectStateConflict(results.find((r) => r.status === "rejected")!);
    expect((await findCertificateById(database.db, id))?.status).toBe("revoked");
    expect(await auditRowsOf(id)).toHaveLength(1);
    expect(await jobsFor(id)).toHaveLength(1);
  });
});

/** Resolves for everyone once `n` callers have arrived. */
function meeting(n: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return opened;
  };
}
