/**
 * Provisions the test USB keys as a service point (办理点) would, against the running server's database:
 * a key pair is generated ON each SoftHSM2 token, the server's own built-in CA issues its certificate through
 * the domain services (IssuanceService, the same door the demo seed uses), and the certificate and chain are
 * imported onto the token. The old-platform key's certificate is issued by the CA alone, unrecorded: the
 * platform has never seen it (the test imports it through 证书名录). It also creates the people who bound a
 * key earlier: the authorised agent, and the administrator of the enterprise whose second main key is inserted.
 *
 * Run by the global setup as its own process (`tsx e2e/support/provision-keys.ts`), because SoftHSM2 reads
 * SOFTHSM2_CONF once per process and the server code wants the tsx loader. Environment: the server's
 * DATA_DIR, SECRET_KEY, DATABASE_URL (when PostgreSQL), PUBLIC_ORIGIN; SOFTHSM2_CONF; E2E_MODULE,
 * E2E_TOKEN_SERIALS (JSON: token name → serial), E2E_PROVISION_STATE_DIR; it writes the old-platform
 * certificate's serial and issuer to E2E_PROVISION_OUT (JSON).
 */
import { writeFile } from "node:fs/promises";
import { type CertificateProfile, type CryptoKey, describeCertificate, importPublicKey, pemToDer } from "@lnca/pki";
import pino from "pino";
import { createPkcs11Backend } from "../../apps/keybridge/src/backend/pkcs11";
import { createContext } from "../../apps/server/src/app/context";
import { loadConfig } from "../../apps/server/src/config/config";
import { openDatabase } from "../../apps/server/src/db/database";
import { systemActor } from "../../apps/server/src/features/policy/actor";
import { buildBoundToken } from "../../apps/server/test/support/factories";
import {
  adminTaken,
  agent,
  contested,
  enterprise,
  oldPlatform,
  PIN,
  platformCodes,
  projectLead,
  type TokenName,
  tokens,
} from "./people";

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

const serials = JSON.parse(need("E2E_TOKEN_SERIALS")) as Record<TokenName, string>;

/**
 * Generates the key pair on the token, has the CA certify it — recorded by the platform (`issue`), or as the
 * old platform's CA would, unrecorded (`issueUnrecorded`) — and imports the certificate and chain.
 */
async function provisionToken(
  name: TokenName,
  profile: CertificateProfile,
  issue: (publicKey: CryptoKey) => Promise<string> = (publicKey) => issueRecorded(profile, publicKey, name),
): Promise<string> {
  const serial = serials[name];
  const token = tokens[name];
  const { publicKeySpkiDer } = await backend.generateKeyPair(serial, PIN, { algorithm: "EC-P256", id: token.certId });
  const certificatePem = await issue(await importPublicKey(new Uint8Array(publicKeySpkiDer), "EC-P256"));
  await backend.importCertificate(serial, PIN, {
    id: token.certId,
    certificateDer: Buffer.from(pemToDer(certificatePem, "CERTIFICATE")),
    label: profile.holderName,
    chainPem: ctx.ca.chainPem,
  });
  return certificatePem;
}

async function issueRecorded(profile: CertificateProfile, publicKey: CryptoKey, name: TokenName) {
  const { certificatePem } = await ctx.issuance.issueForNewKey(systemActor, {
    profile,
    publicKey,
    ...validity,
    platformCodes,
    tokenLabel: tokens[name].label,
  });
  return certificatePem;
}

/** Someone who bound a key on an earlier visit, elsewhere: a certificate for a key not in this PC, bound. */
async function boundElsewhere(
  person: { name: string; mobile: string; idNumber: string },
  profile: CertificateProfile,
  tokenLabel: string,
) {
  await buildBoundToken(ctx, { user: person, profile, tokenLabel, platformCodes, via: "e2e_provision", ...validity });
}

try {
  await provisionToken("main", {
    holderKind: "organization",
    categoryCode: "unit_main",
    holderName: enterprise.name,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    city: "沈阳市",
  });
  await provisionToken("personal", {
    holderKind: "personal",
    categoryCode: "project_lead",
    holderName: projectLead.name,
    idNumber: projectLead.idNumber,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
  });
  await provisionToken("contested", {
    holderKind: "personal",
    categoryCode: "project_lead",
    holderName: contested.holder.name,
    idNumber: contested.holder.idNumber,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
  });
  const secondMain: CertificateProfile = {
    holderKind: "organization",
    categoryCode: "unit_main",
    holderName: adminTaken.enterprise.name,
    enterpriseName: adminTaken.enterprise.name,
    uscc: adminTaken.enterprise.uscc,
    city: "鞍山市",
  };
  await provisionToken("secondMain", secondMain);
  // Issued on the old platform: the CA certifies it, the platform records nothing.
  const oldPlatformKey: CertificateProfile = {
    holderKind: "personal",
    categoryCode: "project_lead",
    holderName: oldPlatform.holder.name,
    idNumber: oldPlatform.holder.idNumber,
    enterpriseName: oldPlatform.enterprise.name,
    uscc: oldPlatform.enterprise.uscc,
  };
  const registryPem = await provisionToken(
    "registry",
    oldPlatformKey,
    async (publicKey) => (await ctx.ca.issue({ profile: oldPlatformKey, publicKey, ...validity })).certificatePem,
  );

  // Keys bound on an earlier visit, not inserted in this PC: only the accounts matter.
  await boundElsewhere(
    agent,
    {
      holderKind: "personal",
      categoryCode: "authorized_agent",
      holderName: agent.name,
      idNumber: agent.idNumber,
      enterpriseName: enterprise.name,
      uscc: enterprise.uscc,
    },
    `${agent.name} · 授权委托人锁`,
  );
  await boundElsewhere(adminTaken.admin, secondMain, "鞍山钢联 · 主锁一");

  const registry = describeCertificate(registryPem);
  await writeFile(
    need("E2E_PROVISION_OUT"),
    JSON.stringify({ serial: registry.serialNumber, issuer: registry.issuer }),
  );
} finally {
  await backend.close();
  await database.close();
}
