import { createSign } from "node:crypto";
import { exportPrivateKeyPem, generateKeyPair } from "@lnca/pki";
import { systemActor } from "../apps/server/src/features/audit/audit";
import { bindTokenToUser, createUser } from "../apps/server/src/features/users/accounts.service";
import { benchContext } from "./support";

const { ctx, close } = await benchContext();
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
const pem = await exportPrivateKeyPem(keys.privateKey);
const sigs = [];
for (let i = 0; i < 3000; i++) {
  const ch = await ctx.challenges.issue("ca-login", "http://localhost:3000");
  sigs.push({ ch, s: createSign("sha256").update(ch.challenge).sign(pem).toString("base64") });
}
const a = performance.now();
for (const { ch, s } of sigs)
  await ctx.caLogin.login(
    {
      challengeId: ch.challengeId,
      certificatePem,
      chainPem: ctx.ca.chainPem,
      signature: s,
      signatureAlgorithm: "ecdsa-sha256",
    },
    { ip: null, userAgent: null },
  );
console.log("login only", (((performance.now() - a) / sigs.length) * 1000).toFixed(0), "µs");
await close();
