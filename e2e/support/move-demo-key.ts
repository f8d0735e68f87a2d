/**
 * Moves one demo key (its private key, certificate and chain, from the demo seed's soft-token file) onto a
 * SoftHSM2 token, as a service point (办理点) would write a holder's existing key to a new USB key. J6 updates
 * that key on a real PKCS#11 token while the demo enterprise's administrator paid for it with the demo keys.
 *
 * Run by the global setup as its own process (`tsx e2e/support/move-demo-key.ts`), because SoftHSM2 reads
 * SOFTHSM2_CONF once per process. Environment: SOFTHSM2_CONF, E2E_MODULE, E2E_DEMO_KEYS_FILE, E2E_DEMO_KEY_ID
 * (the soft-token keyId), E2E_TOKEN_SERIAL and E2E_TOKEN_LABEL (the SoftHSM2 token), E2E_CERT_ID (hex),
 * E2E_PROVISION_STATE_DIR.
 */
import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { withUnlockedSoftToken } from "@lnca/pki/softtoken";
import { createPkcs11Backend } from "../../apps/keybridge/src/backend/pkcs11";
import { PIN } from "./people";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`move-demo-key: ${name} is not set`);
  return value;
}

const [serial, label, certId] = [need("E2E_TOKEN_SERIAL"), need("E2E_TOKEN_LABEL"), need("E2E_CERT_ID")];

const demo = await withUnlockedSoftToken(need("E2E_DEMO_KEYS_FILE"), need("E2E_DEMO_KEY_ID"), PIN, (token) => {
  const item = token.key.items.find((i) => i.certificatePem !== null);
  if (!item?.certificatePem) throw new Error("move-demo-key: the demo key holds no certificate");
  return {
    privateKeyPem: token.decryptPrivateKey(item).export({ type: "pkcs8", format: "pem" }) as string,
    certificatePem: item.certificatePem,
    chainPem: item.chainPem,
  };
});

// softhsm2-util imports a PKCS#8 key pair (private and public key objects) under the given id.
const dir = await mkdtemp(path.join(tmpdir(), "lnca-move-key-"));
try {
  const keyFile = path.join(dir, "key.pem");
  await writeFile(keyFile, demo.privateKeyPem, { mode: 0o600 });
  await promisify(execFile)(
    "softhsm2-util",
    ["--import", keyFile, "--serial", serial, "--label", label, "--id", certId, "--pin", PIN],
    { env: process.env },
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

const backend = createPkcs11Backend({ modulePath: need("E2E_MODULE"), stateDir: need("E2E_PROVISION_STATE_DIR") });
try {
  await backend.importCertificate(serial, PIN, {
    id: certId,
    certificateDer: Buffer.from(new X509Certificate(demo.certificatePem).raw),
    label,
    chainPem: demo.chainPem,
  });
} finally {
  await backend.close();
}
