import { createPrivateKey, createSign, createVerify, generateKeyPairSync, type KeyObject } from "node:crypto";
import { exportPrivateKeyPem, generateKeyPair } from "@lnca/pki";
import type { IssuedChallenge } from "../apps/server/src/features/auth/challenges.service";
import { systemActor } from "../apps/server/src/features/policy/actor";
import { bindTokenToUser, createUser } from "../apps/server/src/features/users/accounts.service";
import { type BenchResult, benchContext, interleavedOpsPerSecond, type Sample } from "./support";

const MEASURE_MS = 12_000;
const SLICE_MS = 500;
/** Clients logging in at once (as many as a busy moment brings), and logins per concurrent turn. */
const CLIENTS = 16;
const ROUND = CLIENTS * 16;

/**
 * CA login throughput in-process — issue a challenge, verify chain + CRL + signature, find the bound key,
 * open a session — against raw ECDSA P-256 verifications (one thread, as the server's) of the same message
 * size on the same machine, in one run. Throughput is measured with CLIENTS clients logging in at once, as a
 * server under load sees them; one client at a time is reported beside it. The key's own signing is the
 * client's work and is left out of the login's time. The measurements alternate in half-second turns: long
 * enough for logins to run as a steady stream (the WAL fills and starts over several times a turn), short
 * enough that the machine's slower spells fall on all of them.
 */
export async function caLoginBench(): Promise<BenchResult> {
  const { ctx, close } = await benchContext();
  try {
    const keys = await generateKeyPair("EC-P256");
    const now = ctx.clock.now();
    const { certificate, certificatePem } = await ctx.issuance.issueForNewKey(systemActor, {
      profile: {
        holderKind: "personal",
        categoryCode: "project_lead",
        holderName: "压测用户",
        idNumber: "11010519491231002X",
      },
      publicKey: keys.publicKey,
      notBefore: new Date(now.getTime() - 86_400_000),
      notAfter: new Date(now.getTime() + 86_400_000 * 30),
      platformCodes: ["ln-jsgc"],
      tokenLabel: "bench",
    });
    await ctx.database.db.transaction().execute(async (trx) => {
      const userId = await createUser(trx, systemActor, {
        mobile: "13900000000",
        name: "压测用户",
        idNumber: "11010519491231002X",
        via: "bench",
        now,
      });
      await bindTokenToUser(trx, systemActor, { certificate, userId, now });
    });
    const signingKey = createPrivateKey(await exportPrivateKeyPem(keys.privateKey));
    const sign = (text: string) => createSign("sha256").update(text).sign(signingKey).toString("base64");
    const meta = { ip: null, userAgent: "bench" };

    const issue = () => ctx.challenges.issue("ca-login", ctx.config.publicOrigin);
    const logIn = async (challenge: IssuedChallenge, signature: string) => {
      const outcome = await ctx.caLogin.login(
        {
          challengeId: challenge.challengeId,
          certificatePem,
          chainPem: ctx.ca.chainPem,
          signature,
          signatureAlgorithm: "ecdsa-sha256",
        },
        meta,
      );
      if (outcome.status !== "logged_in") throw new Error("bench login did not log in");
    };

    /** One client: challenge, sign, log in, one after another. */
    const oneLogin = async (): Promise<Sample> => {
      const t0 = performance.now();
      const challenge = await issue();
      const t1 = performance.now();
      const signature = sign(challenge.challenge);
      const t2 = performance.now();
      await logIn(challenge, signature);
      return { ms: t1 - t0 + (performance.now() - t2), operations: 1 };
    };

    /** CLIENTS clients at once: ROUND challenges issued, signed (untimed), then logged in CLIENTS at a time. */
    const concurrentLogins = async (): Promise<Sample> => {
      const t0 = performance.now();
      const challenges = await Promise.all(Array.from({ length: ROUND }, issue));
      const t1 = performance.now();
      const signed = challenges.map((challenge) => ({ challenge, signature: sign(challenge.challenge) }));
      const t2 = performance.now();
      let next = 0;
      const client = async () => {
        for (let item = signed[next++]; item; item = signed[next++]) await logIn(item.challenge, item.signature);
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      return { ms: t1 - t0 + (performance.now() - t2), operations: ROUND };
    };

    const raw = rawVerifier();
    for (let i = 0; i < 200; i++) await oneLogin();
    await concurrentLogins();
    const [verifies = 0, sequential = 0, concurrent = 0] = await interleavedOpsPerSecond(MEASURE_MS, SLICE_MS, [
      raw,
      oneLogin,
      concurrentLogins,
    ]);
    return {
      name: `CA 登录吞吐（${CLIENTS} 个并发客户端）/ 原始 ECDSA P-256 验签`,
      ratio: concurrent / verifies,
      target: 0.3,
      detail:
        `logins ${concurrent.toFixed(0)}/s with ${CLIENTS} clients, raw verifies ${verifies.toFixed(0)}/s; ` +
        `one client at a time ${sequential.toFixed(0)}/s (${((sequential / verifies) * 100).toFixed(1)}%)`,
    };
  } finally {
    await close();
  }
}

function rawVerifier(): () => Sample {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const message = Buffer.alloc(260, "a");
  const signature = createSign("sha256").update(message).sign(privateKey);
  const key: KeyObject = publicKey;
  return () => {
    const t0 = performance.now();
    if (!createVerify("sha256").update(message).verify(key, signature)) throw new Error("raw verify failed");
    return { ms: performance.now() - t0, operations: 1 };
  };
}
