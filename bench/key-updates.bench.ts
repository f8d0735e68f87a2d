import { createHash } from "node:crypto";
import { type KeyUpdate, type KeyUpdateCsrRequest, keyUpdateProofMessage } from "@lnca/contracts";
import { createCsr, generateKeyPair, pemToDer, x509 } from "@lnca/pki";
import { createApp } from "../apps/server/src/http/app";
import type { ApiClient } from "../apps/server/test/support/api-client";
import { signedIn } from "../apps/server/test/support/journeys";
import { SoftKeybridge } from "../apps/server/test/support/soft-keybridge";
import { paidKeyUpdates } from "./key-update-fixtures";
import { type BenchResult, benchContext, benchPostgresUrl } from "./support";

/** The CSR step: rounds of renewals (one at a time, then CLIENTS at once) and of the raw ceiling, alternating. */
const CSR_ROUNDS = 5;
const CSR_SEQUENTIAL = 48;
const CSR_CONCURRENT = 48;
const CLIENTS = 8;
/** End to end: key updates per database, E2E_CLIENTS of them in flight (holders at their keys at once). */
const E2E_UPDATES = 120;
const E2E_CLIENTS = 4;

/**
 * Acceptance 5 of the key update (J6). (a) The renewal itself on the built-in CA — the key-update service's CSR
 * step as the route calls it: the CSR checked (its own signature, the subject, a new key), the old key's proof
 * checked, the certificate issued and stored with the step's transitions and audit — against the crypto it
 * cannot do without, measured raw in the same run as bare WebCrypto calls: one CSR verification, one proof
 * verification and one certificate signature, EC P-256 as the demo's keys (the same through @peculiar/x509 as
 * context). (b) Whole key updates through
 * the HTTP API with a software token, on SQLite and PostgreSQL.
 */
export async function keyUpdatesBench(): Promise<BenchResult[]> {
  const results = [await csrStep()];
  const postgresUrl = benchPostgresUrl();
  const sqlite = await endToEnd("SQLite");
  results.push(sqlite.result);
  if (postgresUrl) {
    const pg = await endToEnd("PostgreSQL", postgresUrl);
    results.push(pg.result, {
      name: "端到端密钥更新吞吐 PostgreSQL / SQLite",
      ratio: pg.perSecond / sqlite.perSecond,
      detail: `${pg.perSecond.toFixed(1)} / ${sqlite.perSecond.toFixed(1)} updates/s`,
    });
  } else console.info("密钥更新：未设置 BENCH_DATABASE_URL / TEST_DATABASE_URL，端到端只测 SQLite");
  return results;
}

interface Prepared {
  keyUpdateId: string;
  request: KeyUpdateCsrRequest;
}

/**
 * (a) The ratio is one renewal at a time against the bare WebCrypto calls a renewal cannot do without, one at a
 * time (two verifications and one signature, EC P-256, on messages of the sizes of this run's CSR, proof and
 * certificate). The same operations through @peculiar/x509 (its parse and generator), and CLIENTS at once, go in
 * the detail.
 */
async function csrStep(): Promise<BenchResult> {
  const { ctx, close } = await benchContext();
  try {
    const warmUp = CLIENTS * 4;
    const pool = await paidKeyUpdates(ctx, warmUp + CSR_ROUNDS * (CSR_CONCURRENT + CSR_SEQUENTIAL));
    let next = 0;
    /** What precedes the step, untimed: the key update opened, the keybridge's CSR and proof made. */
    const prepare = async (count: number): Promise<Prepared[]> => {
      const prepared: Prepared[] = [];
      const items = pool.items.slice(next, next + count);
      next += count;
      for (const item of items) {
        const keyUpdate = await ctx.keyUpdates.open(pool.holder, item.itemId);
        const request = await new SoftKeybridge(item.key).renewalRequest(keyUpdate);
        prepared.push({ keyUpdateId: keyUpdate.id, request });
      }
      return prepared;
    };
    let sample: { csrPem: string; certificatePem: string } | undefined;
    const renew = async ({ keyUpdateId, request }: Prepared) => {
      const issued = await ctx.keyUpdates.submitCsr(pool.holder, keyUpdateId, request);
      if (issued.status !== "issued" || !issued.newCertificate) throw new Error(`the CSR step ended ${issued.status}`);
      sample ??= { csrPem: request.csrPem, certificatePem: issued.newCertificate.certificatePem };
    };
    const library = await libraryCeiling();

    await inParallel(await prepare(warmUp), CLIENTS, renew);
    await inParallel(Array.from({ length: 200 }), CLIENTS, library);
    if (!sample) throw new Error("no renewal in the warm-up");
    const primitives = await rawPrimitives({
      csrInfo: tbsLength(pemToDer(sample.csrPem, "CERTIFICATE REQUEST")),
      proofMessage: keyUpdateProofMessage({
        keyUpdateId: "0192b6f0-0000-7000-8000-000000000000",
        nonce: "A".repeat(43),
        csrSha256Hex: "0".repeat(64),
      }).length,
      tbsCertificate: tbsLength(pemToDer(sample.certificatePem, "CERTIFICATE")),
    });
    await inParallel(Array.from({ length: 200 }), 1, primitives);
    const time = { sequential: 0, concurrent: 0, raw: 0, library: 0, libraryConcurrent: 0 };
    // Each round of the ceiling lasts about as long as one of renewals, so that a moment of load on this
    // shared machine weighs on both alike instead of on a few tens of milliseconds of raw calls.
    const rawOps = CSR_SEQUENTIAL * 8;
    const libraryOps = CSR_SEQUENTIAL * 2;
    const times = (count: number) => Array.from({ length: count });
    for (let round = 0; round < CSR_ROUNDS; round++) {
      const one = await prepare(CSR_SEQUENTIAL);
      time.sequential += await timed(() => inParallel(one, 1, renew));
      time.raw += await timed(() => inParallel(times(rawOps), 1, primitives));
      const batch = await prepare(CSR_CONCURRENT);
      time.concurrent += await timed(() => inParallel(batch, CLIENTS, renew));
      time.library += await timed(() => inParallel(times(libraryOps), 1, library));
      time.libraryConcurrent += await timed(() => inParallel(times(libraryOps), CLIENTS, library));
    }
    const perSecond = (count: number, ms: number) => (CSR_ROUNDS * count) / (ms / 1000);
    const renewals = perSecond(CSR_SEQUENTIAL, time.sequential);
    const concurrent = perSecond(CSR_CONCURRENT, time.concurrent);
    const ceiling = perSecond(rawOps, time.raw);
    const libraryCeilingPerSecond = perSecond(libraryOps, time.library);
    const libraryConcurrent = perSecond(libraryOps, time.libraryConcurrent);
    const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
    return {
      name: "内置 CA 续期签发（CSR 校验 + 证明校验 + 签发 + 存储）/ 原始密码运算上限（WebCrypto），EC P-256，SQLite",
      ratio: renewals / ceiling,
      target: 0.25,
      detail:
        `renewals ${renewals.toFixed(0)}/s one at a time, raw WebCrypto (2 verifications + 1 signature) ` +
        `${ceiling.toFixed(0)}/s (${(1000 / renewals).toFixed(2)} ms against ${(1000 / ceiling).toFixed(2)} ms); ` +
        `${CLIENTS} at once: renewals ${concurrent.toFixed(0)}/s (${pct(concurrent, ceiling)} of raw); ` +
        `through @peculiar/x509 (CSR parse + verify, proof verify, generator) ${libraryCeilingPerSecond.toFixed(0)}/s ` +
        `(renewals ${pct(renewals, libraryCeilingPerSecond)} of it), ${CLIENTS} at once ${libraryConcurrent.toFixed(0)}/s`,
    };
  } finally {
    await close();
  }
}

/** The length of a signed structure's first element (CertificationRequestInfo, TBSCertificate), header included. */
function tbsLength(der: Uint8Array): number {
  const headerOf = (offset: number) => {
    const first = der[offset + 1] ?? 0;
    if (first < 0x80) return { header: 2, length: first };
    let length = 0;
    for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
    return { header: 2 + (first & 0x7f), length };
  };
  const inner = headerOf(headerOf(0).header);
  return inner.header + inner.length;
}

/**
 * The three operations a renewal cannot do without, EC P-256, through @peculiar/x509 as the server used to do
 * them, nothing of the server: the CSR parsed and its signature verified, the proof's signature verified, a
 * certificate for the CSR's key built and signed by a CA key with the library's generator.
 */
async function libraryCeiling(): Promise<() => Promise<void>> {
  const ecdsa = { name: "ECDSA", hash: "SHA-256" };
  const [newKeys, oldKeys, caKeys] = await Promise.all([1, 2, 3].map(() => generateKeyPair("EC-P256")));
  if (!newKeys || !oldKeys || !caKeys) throw new Error("no keys");
  const subject = "CN=压测持证人, O=压测单位, C=CN";
  const csrDer = pemToDer(
    await createCsr({ keys: newKeys, algorithm: "EC-P256", subject: new x509.Name(subject) }),
    "CERTIFICATE REQUEST",
  );
  const message = Buffer.from(
    keyUpdateProofMessage({
      keyUpdateId: "0192b6f0-0000-7000-8000-000000000000",
      nonce: "A".repeat(43),
      csrSha256Hex: createHash("sha256").update(csrDer).digest("hex"),
    }),
  );
  const proof = await crypto.subtle.sign(ecdsa, oldKeys.privateKey, message);
  const issuer = new x509.Name("CN=压测签发 CA, O=压测, C=CN");
  const now = new Date();
  return async () => {
    const csr = new x509.Pkcs10CertificateRequest(csrDer);
    if (!(await csr.verify())) throw new Error("raw CSR verification failed");
    if (!(await crypto.subtle.verify(ecdsa, oldKeys.publicKey, proof, message))) throw new Error("raw proof failed");
    await x509.X509CertificateGenerator.create({
      serialNumber: "01",
      subject: csr.subjectName,
      issuer,
      notBefore: now,
      notAfter: new Date(now.getTime() + 365 * 86_400_000),
      publicKey: csr.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ecdsa,
    });
  };
}

/**
 * The crypto ceiling: the three operations as bare WebCrypto calls on messages of the sizes a renewal signs
 * and verifies, keys imported beforehand: no parsing, no encoding, no key import.
 */
async function rawPrimitives(sizes: {
  csrInfo: number;
  proofMessage: number;
  tbsCertificate: number;
}): Promise<() => Promise<void>> {
  const ecdsa = { name: "ECDSA", hash: "SHA-256" };
  const [signer, ca] = await Promise.all([1, 2].map(() => generateKeyPair("EC-P256")));
  if (!signer || !ca) throw new Error("no keys");
  const csrInfo = new Uint8Array(sizes.csrInfo);
  const proofMessage = new Uint8Array(sizes.proofMessage);
  const tbsCertificate = new Uint8Array(sizes.tbsCertificate);
  const [csrSignature, proofSignature] = await Promise.all(
    [csrInfo, proofMessage].map((data) => crypto.subtle.sign(ecdsa, signer.privateKey, data)),
  );
  return async () => {
    if (!(await crypto.subtle.verify(ecdsa, signer.publicKey, csrSignature as ArrayBuffer, csrInfo))) {
      throw new Error("raw verification failed");
    }
    if (!(await crypto.subtle.verify(ecdsa, signer.publicKey, proofSignature as ArrayBuffer, proofMessage))) {
      throw new Error("raw verification failed");
    }
    await crypto.subtle.sign(ecdsa, ca.privateKey, tbsCertificate);
  };
}

/**
 * (b) Key updates from open to confirm through the HTTP API (`inject`: hooks, session, CSRF, zod), each as the
 * page drives it with the keybridge — a software token here, its key generation and signatures counted —
 * E2E_CLIENTS holders at once.
 */
async function endToEnd(database: string, postgresUrl?: string): Promise<{ result: BenchResult; perSecond: number }> {
  const { ctx, close } = await benchContext({ postgresUrl });
  const app = await createApp(ctx);
  await app.ready();
  try {
    const warmUp = E2E_CLIENTS * 2;
    const pool = await paidKeyUpdates(ctx, warmUp + E2E_UPDATES);
    const client = await signedIn({ app, ctx, close: async () => {} }, pool.holderKey);
    const latencies: number[] = [];
    const update = async (item: (typeof pool.items)[number]) => {
      const started = performance.now();
      await keyUpdate(client, item.itemId, new SoftKeybridge(item.key));
      latencies.push(performance.now() - started);
    };
    await inParallel(pool.items.slice(0, warmUp), E2E_CLIENTS, update);
    latencies.length = 0;
    const wallMs = await timed(() => inParallel(pool.items.slice(warmUp), E2E_CLIENTS, update));
    const perSecond = E2E_UPDATES / (wallMs / 1000);
    const [p50, p95] = [percentile(latencies, 0.5), percentile(latencies, 0.95)];
    return {
      perSecond,
      result: {
        name: `端到端密钥更新（开启 → 确认，HTTP，软件 CA 锁，${E2E_CLIENTS} 个并发），${database}`,
        ratio: p95 / p50,
        ratioAs: "multiple",
        detail:
          `${perSecond.toFixed(1)} updates/s (${E2E_UPDATES} updates); one update p50 ${p50.toFixed(0)} ms, ` +
          `p95 ${p95.toFixed(0)} ms (ratio shown: p95 / p50)`,
      },
    };
  } finally {
    await app.close();
    await close();
  }
}

/** One key update as the page runs it: open, the keybridge's request, CSR, import, written, confirm, retire. */
async function keyUpdate(client: ApiClient, itemId: string, bridge: SoftKeybridge): Promise<void> {
  const opened = (await ok(client.post("/api/v1/key-updates", { renewalItemId: itemId }))) as KeyUpdate;
  const issued = (await ok(
    client.post(`/api/v1/key-updates/${opened.id}/csr`, await bridge.renewalRequest(opened)),
  )) as KeyUpdate;
  if (!issued.newCertificate) throw new Error("no certificate issued");
  await bridge.importCertificate(opened.id, issued.newCertificate.certificatePem);
  await ok(client.post(`/api/v1/key-updates/${opened.id}/written`));
  const confirmed = (await ok(client.post(`/api/v1/key-updates/${opened.id}/confirm`))) as KeyUpdate;
  if (confirmed.status !== "confirmed") throw new Error(`the update ended ${confirmed.status}`);
  bridge.retire(opened.id);
}

async function ok(response: ReturnType<ApiClient["post"]>): Promise<unknown> {
  const answer = await response;
  if (answer.statusCode !== 200) throw new Error(`${answer.statusCode} ${answer.body.slice(0, 300)}`);
  return answer.json();
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
