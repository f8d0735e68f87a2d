import { type CertificateProfile, type CryptoKeyPair, generateKeyPair, type KeyAlgorithm } from "@lnca/pki";
import type { AppContext } from "../../../src/app/context";
import { DAY_MS } from "../identifiers";

/** What a USB key holds: a key pair, its certificate and the chain below the root. */
export interface TestKey {
  algorithm: KeyAlgorithm;
  keys: CryptoKeyPair;
  certificatePem: string;
  chainPem: string[];
  serialNumber: string;
  profile: CertificateProfile;
}

export interface KeyOptions {
  algorithm?: KeyAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
}

/** Valid from yesterday for a year, unless given. */
export function validityOf(ctx: AppContext, options: KeyOptions): { notBefore: Date; notAfter: Date } {
  const notBefore = options.notBefore ?? new Date(ctx.clock.now().getTime() - DAY_MS);
  return { notBefore, notAfter: options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY_MS) };
}

/**
 * A key with a certificate from the app's own (trusted) built-in CA that the platform has not recorded:
 * its first CA login records it. `buildCertificate` records one as a service point does.
 */
export async function issueKey(
  ctx: AppContext,
  profile: CertificateProfile,
  options: KeyOptions = {},
): Promise<TestKey> {
  const algorithm = options.algorithm ?? "EC-P256";
  const keys = await generateKeyPair(algorithm);
  const issued = await ctx.ca.issue({ profile, publicKey: keys.publicKey, ...validityOf(ctx, options) });
  return { algorithm, keys, profile, chainPem: ctx.ca.chainPem, ...issued };
}
