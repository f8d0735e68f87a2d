/**
 * Provisions the test USB keys as a service point (办理点) would, against the running server's database:
 * a key pair is generated ON each SoftHSM2 token, the server's own built-in CA issues its certificate through
 * the domain services (IssuanceService, the same door the demo seed uses), and the certificate and chain are
 * imported onto the token. It also creates the authorised agent who bound a key earlier.
 *
 * Run by the global setup as its own process (`tsx e2e/support/provision-keys.ts`), because SoftHSM2 reads
 * SOFTHSM2_CONF once per process and the server code wants the tsx loader. Environment: the server's
 * DATA_DIR, SECRET_KEY, DATABASE_URL (when PostgreSQL), PUBLIC_ORIGIN; SOFTHSM2_CONF; E2E_MODULE,
 * E2E_MAIN_SERIAL, E2E_PERSONAL_SERIAL, E2E_PROVISION_STATE_DIR.
 */
import { type CertificateProfile, generateKeyPair, importPublicKey, pemToDer } from "@lnca/pki";
import pino from "pino";
import { createPkcs11Backend } from "../../apps/keybridge/src/backend/pkcs11";
import { createContext } from "../../apps/server/src/app/context";
import { loadConfig } from "../../apps/server/src/config/config";
import { openDatabase } from "../../apps/server/src/db/database";
import { systemActor } from "../../apps/server/src/features/audit/audit";
import { bindTokenToUser, createUser } from "../../apps/server/src/features/users/accounts.service";
import { agent, enterprise, PIN, platformCodes, projectLead, tokens } from "./people";

const DAY_MS = 86_400_000;

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`provision-keys: ${name} is not set`);
  return value;
}

const config = {
  ...loadConfig({ ...process.env, DEMO: "false", WORKERS: "false" }),
  version: "e2e",
  trustProxy: false,
};
const database = openDatabase(config.database);
const ctx = await createContext({ config, database, logger: pino({ level: "silent" }) });
const backend = createPkcs11Backend({ modulePath: need("E2E_MODULE"), stateDir: need("E2E_PROVISION_STATE_DIR") });

const now = Date.now();
const validity = { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 365 * DAY_MS) };

async function provisionToken(serial: string, token: { label: string; certId: string }, profile: CertificateProfile) {
  const { publicKeySpkiDer } = await backend.generateKeyPair(serial, PIN, { algorithm: "EC-P256", id: token.certId });
  const { certificatePem } = await ctx.issuance.issueForNewKey(systemActor, {
    profile,
    publicKey: await importPublicKey(new Uint8Array(publicKeySpkiDer), "EC-P256"),
    ...validity,
    platformCodes,
    tokenLabel: token.label,
  });
  await backend.importCertificate(serial, PIN, {
    id: token.certId,
    certificateDer: Buffer.from(pemToDer(certificatePem, "CERTIFICATE")),
    label: profile.holderName,
    chainPem: ctx.ca.chainPem,
  });
}

try {
  await provisionToken(need("E2E_MAIN_SERIAL"), tokens.main, {
    holderKind: "organization",
    categoryCode: "unit_main",
    holderName: enterprise.name,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    city: "沈阳市",
  });
  await provisionToken(need("E2E_PERSONAL_SERIAL"), tokens.personal, {
    holderKind: "personal",
    categoryCode: "project_lead",
    holderName: projectLead.name,
    idNumber: projectLead.idNumber,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
  });

  // The agent's key is not inserted in this PC: it was bound on an earlier visit, so only the account matters.
  const agentKeys = await generateKeyPair("EC-P256");
  const { certificate } = await ctx.issuance.issueForNewKey(systemActor, {
    profile: {
      holderKind: "personal",
      categoryCode: "authorized_agent",
      holderName: agent.name,
      idNumber: agent.idNumber,
      enterpriseName: enterprise.name,
      uscc: enterprise.uscc,
    },
    publicKey: agentKeys.publicKey,
    ...validity,
    platformCodes,
    tokenLabel: `${agent.name} · 授权委托人锁`,
  });
  await database.db.transaction().execute(async (trx) => {
    const at = new Date();
    const userId = await createUser(trx, systemActor, { ...agent, via: "e2e_provision", now: at });
    await bindTokenToUser(trx, systemActor, { certificate, userId, now: at });
  });
} finally {
  await backend.close();
  await database.close();
}
