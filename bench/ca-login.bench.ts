import { createPrivateKey, createSign, createVerify, generateKeyPairSync, type KeyObject } from "node:crypto";
import { exportPrivateKeyPem, generateKeyPair } from "@lnca/pki";
import { systemActor } from "../apps/server/src/features/audit/audit";
import { bindTokenToUser, createUser } from "../apps/server/src/features/users/accounts.service";
import { type BenchResult, benchContext, interleavedOpsPerSecond } from "./support";

const MEASURE_MS = 10_000;
const SLICE_MS = 500;

/**
 * CA login in-process — issue a challenge, verify chain + CRL + signature, find the bound key, open a
 * session — against raw ECDSA P-256 verifications of the same message size on the same machine, in one run.
 * The key's own signing is the client's work and is left out of the login's time. The two alternate in
 * half-second turns: long enough for logins to run as a steady stream (the WAL fills and starts over several
 * times a turn), short enough that the machine's slower spells fall on both.
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

    const login = async () => {
      const t0 = performance.now();
      const challenge = await ctx.challenges.issue("ca-login", ctx.config.publicOrigin);
      const t1 = performance.now();
      const signature = sign(challenge.challenge);
      const t2 = performance.now();
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
      const t3 = performance.now();
      if (outcome.status !== "logged_in") throw new Error("bench login did not log in");
      return t1 - t0 + (t3 - t2);
    };
    const raw = rawVerifier();
    for (let i = 0; i < 200; i++) await login();
    const [verifies = 0, logins = 0] = await interleavedOpsPerSecond(MEASURE_MS, SLICE_MS, [raw, login]);
    return {
      name: "CA 登录吞吐 / 原始 ECDSA P-256 验签",
      ratio: logins / verifies,
      target: 0.3,
      detail: `logins ${logins.toFixed(0)}/s, raw verifies ${verifies.toFixed(0)}/s`,
    };
  } finally {
    await close();
  }
}

function rawVerifier(): () => number {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const message = Buffer.alloc(260, "a");
  const signature = createSign("sha256").update(message).sign(privateKey);
  const key: KeyObject = publicKey;
  return () => {
    const t0 = performance.now();
    if (!createVerify("sha256").update(message).verify(key, signature)) throw new Error("raw verify failed");
    return performance.now() - t0;
  };
}
