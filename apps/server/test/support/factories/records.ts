/**
 * Rows the platform holds, made through the domain services (the same doors the app, the seed and a service
 * point use), so each carries its audit rows and satisfies the rules a real one does.
 */
import { type CertificateProfile, generateKeyPair } from "@lnca/pki";
import type { AppContext } from "../../../src/app/context";
import type { CertificatesTable, IdentityRole, IdentityStatus, StaffTable } from "../../../src/db/schema";
import { ensureEnterprise } from "../../../src/features/enterprises/enterprises.service";
import { grantIdentity } from "../../../src/features/identities/identities.service";
import { systemActor } from "../../../src/features/policy/actor";
import { createUser, registerUserWithToken } from "../../../src/features/users/accounts.service";
import { makeResidentId, nextMobile, nextSeq } from "../identifiers";
import { type KeyOptions, type TestKey, validityOf } from "./keys";
import { type Enterprise, newEnterprise, personalProfile } from "./profiles";

export interface Person {
  mobile: string;
  name: string;
  idNumber: string | null;
}

/** A new person's details (nothing stored), overridable. */
export function newPerson(overrides: Partial<Person> = {}): Person {
  const n = nextSeq();
  return { mobile: nextMobile(), name: `用户${n}`, idNumber: makeResidentId(n), ...overrides };
}

/** An enterprise on record, as a certificate naming it first creates it. */
export async function buildEnterprise(
  ctx: AppContext,
  enterprise: Enterprise = newEnterprise(),
): Promise<Enterprise & { id: string }> {
  const id = await ensureEnterprise(ctx.database.db, systemActor, { ...enterprise, now: ctx.clock.now() });
  return { id, ...enterprise };
}

/** A user account with no key yet. */
export async function buildUser(ctx: AppContext, overrides: Partial<Person> = {}): Promise<Person & { id: string }> {
  const person = newPerson(overrides);
  const now = ctx.clock.now();
  const id = await ctx.database.db.transaction().execute((trx) =>
    createUser(trx, systemActor, {
      ...person,
      idNumber: person.idNumber ? ctx.vault.protectIdNumber(person.idNumber) : null,
      via: "test_factory",
      now,
    }),
  );
  return { id, ...person };
}

/** An identity of `userId`: a role in an enterprise (or `individual` with none), active unless given. */
export async function buildIdentity(
  ctx: AppContext,
  input: { userId: string; enterpriseId: string | null; role: IdentityRole; status?: IdentityStatus },
): Promise<string> {
  const now = ctx.clock.now();
  return ctx.database.db
    .transaction()
    .execute((trx) => grantIdentity(trx, systemActor, { ...input, status: input.status ?? "active", now }));
}

export interface CertificateOptions extends KeyOptions {
  /** Trading platforms the certificate is associated with (default none). */
  platformCodes?: string[];
  tokenLabel?: string;
}

/**
 * A key whose certificate the platform issued and recorded (办理 at a service point): its token, certificate
 * row and associations exist, the token unbound.
 */
export async function buildCertificate(
  ctx: AppContext,
  profile: CertificateProfile = personalProfile({ categoryCode: "project_lead" }),
  options: CertificateOptions = {},
): Promise<TestKey & { certificate: CertificatesTable }> {
  const algorithm = options.algorithm ?? "EC-P256";
  const keys = await generateKeyPair(algorithm);
  const { certificate, certificatePem } = await ctx.issuance.issueForNewKey(systemActor, {
    profile,
    publicKey: keys.publicKey,
    ...validityOf(ctx, options),
    platformCodes: options.platformCodes ?? [],
    tokenLabel: options.tokenLabel ?? `${profile.holderName} · CA 锁`,
  });
  return {
    algorithm,
    keys,
    profile,
    certificatePem,
    chainPem: ctx.ca.chainPem,
    serialNumber: certificate.serial_number,
    certificate,
  };
}

/**
 * A recorded key bound to a new user's account, as if they bound it on an earlier visit: the user gets the
 * identity the key stands for (a main key: its enterprise's administrator).
 */
export async function buildBoundToken(
  ctx: AppContext,
  input: CertificateOptions & { user?: Partial<Person>; profile?: CertificateProfile; via?: string } = {},
): Promise<TestKey & { certificate: CertificatesTable; user: Person & { id: string }; identityId: string }> {
  const person = newPerson(input.user);
  const profile =
    input.profile ??
    personalProfile({ categoryCode: "project_lead", holderName: person.name, idNumber: person.idNumber ?? undefined });
  const key = await buildCertificate(ctx, profile, input);
  const { userId, identityId } = await registerUserWithToken(ctx, systemActor, {
    user: person,
    certificate: key.certificate,
    via: input.via ?? "test_factory",
    now: ctx.clock.now(),
  });
  return { ...key, user: { id: userId, ...person }, identityId };
}

/** A console staff member of `role` and the password they sign in with. */
export async function buildStaff(
  ctx: AppContext,
  role: StaffTable["role"],
  overrides: { username?: string; displayName?: string; password?: string } = {},
): Promise<{ id: string; username: string; password: string }> {
  const username = overrides.username ?? `${role}${nextSeq()}`;
  const password = overrides.password ?? "correct horse battery staple";
  const id = await ctx.staffAuth.create({
    username,
    displayName: overrides.displayName ?? `测试${role}`,
    role,
    password,
  });
  return { id, username, password };
}
