/**
 * Factories for tests across the monorepo (`@lnca/pki/testing`): throwaway CAs and certificates. Not for
 * production code: encryption keys here are random and discarded.
 */
import { randomBytes } from "node:crypto";
import type { KeyAlgorithm } from "./algorithms";
import { BuiltinCa, createBuiltinCa, type KeyUsageName } from "./builtin-ca";
import { randomSerialNumber } from "./builtin-ca/serial";
import { generateKeyPair } from "./keys";
import { x509 } from "./provider";
import { buildSubject, type CertificateProfile } from "./subject";
import type { CryptoKeyPair } from "./webcrypto";

const DAY = 86_400_000;

export const TEST_PERSONAL_PROFILE: CertificateProfile = {
  holderKind: "personal",
  categoryCode: "project_lead",
  holderName: "测试持证人",
  enterpriseName: "辽宁测试建设工程有限公司",
  uscc: "91350100M000100Y43",
  idNumber: "11010519491231002X",
};

export const TEST_ORGANIZATION_PROFILE: CertificateProfile = {
  holderKind: "organization",
  categoryCode: "unit_main",
  holderName: "辽宁测试建设工程有限公司",
  enterpriseName: "辽宁测试建设工程有限公司",
  uscc: "91350100M000100Y43",
  city: "沈阳市",
};

/** A loaded built-in CA whose root and issuing certificates start a year before `now` (default: today). */
export async function makeTestCa(options: { name?: string; now?: Date; crlUrl?: string } = {}): Promise<BuiltinCa> {
  const encryptionKey = randomBytes(16).toString("hex");
  const now = options.now ?? new Date();
  const state = await createBuiltinCa({
    name: options.name ?? "测试 CA",
    encryptionKey,
    now: new Date(now.getTime() - 365 * DAY),
    crlUrl: options.crlUrl,
  });
  return BuiltinCa.load(state, encryptionKey);
}

export interface TestCertificate {
  keys: CryptoKeyPair;
  certificatePem: string;
  serialNumber: string;
}

export interface IssueTestCertificateOptions {
  ca: BuiltinCa;
  profile?: CertificateProfile;
  algorithm?: KeyAlgorithm;
  /** Default: yesterday. */
  notBefore?: Date;
  /** Default: a year after notBefore. */
  notAfter?: Date;
  keyUsage?: KeyUsageName[];
}

export async function issueTestCertificate(options: IssueTestCertificateOptions): Promise<TestCertificate> {
  const keys = await generateKeyPair(options.algorithm ?? "EC-P256");
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  const issued = await options.ca.issue({
    profile: options.profile ?? TEST_PERSONAL_PROFILE,
    publicKey: keys.publicKey,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY),
    keyUsages: options.keyUsage,
  });
  return { keys, ...issued };
}

/** A self-signed login-looking certificate (no CA vouches for it: validation must say "untrusted"). */
export async function makeSelfSignedCertificate(
  options: { profile?: CertificateProfile; algorithm?: KeyAlgorithm; notBefore?: Date; notAfter?: Date } = {},
): Promise<TestCertificate> {
  const algorithm = options.algorithm ?? "EC-P256";
  const keys = await generateKeyPair(algorithm);
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  const serialNumber = randomSerialNumber();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber,
    name: buildSubject(options.profile ?? TEST_PERSONAL_PROFILE),
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY),
    keys,
    signingAlgorithm: algorithm === "EC-P256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "RSASSA-PKCS1-v1_5" },
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  return { keys, certificatePem: cert.toString("pem"), serialNumber };
}
