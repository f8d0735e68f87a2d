import type { CertificateDescription } from "@lnca/pki";
import type { DbOrTx } from "../../db/database";
import type { CertificatesTable } from "../../db/schema";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import { ensureEnterprise } from "../enterprises/enterprises.service";
import type { Actor } from "../policy/actor";
import {
  bindTokenIfUnbound,
  findCertificateById,
  findCertificateWithBindingByFingerprint,
  findRegistryCandidates,
  findTokenById,
  insertCertificates,
  insertTokens,
  lockToken,
  updateCertificate,
} from "./certificates.queries";

/** A certificate row by id (other features read certificates through here, not through the queries). */
export function findCertificate(db: DbOrTx, certificateId: string) {
  return findCertificateById(db, certificateId);
}

/** Whether the key (token) is bound to an account already. */
export async function isTokenBound(db: DbOrTx, tokenId: string): Promise<boolean> {
  return Boolean((await findTokenById(db, tokenId))?.bound_user_id);
}

/**
 * In the caller's transaction: locks the key's row until it commits, so binds of one key run one after the
 * other; tells whether it is bound already.
 */
export async function lockTokenForBinding(trx: DbOrTx, tokenId: string, now: Date): Promise<{ bound: boolean }> {
  return { bound: Boolean((await lockToken(trx, tokenId, now.toISOString()))?.bound_user_id) };
}

/** Binds a key to a user for good: false when it was bound already (one key, one account). */
export function bindTokenOnce(trx: DbOrTx, tokenId: string, userId: string, now: Date): Promise<boolean> {
  return bindTokenIfUnbound(trx, tokenId, userId, now.toISOString());
}

/**
 * The certificate a login presented, as the platform knows it: already seen (by fingerprint), imported from
 * the old platform's registry (by serial and issuer, completed now), or new (a token and a certificate row
 * are created). Called after the chain and the signature verified. `boundUserId` is the user its token is
 * bound to (null: unbound); a registry record's token and a new one are created unbound.
 */
export async function recordPresentedCertificate(
  trx: DbOrTx,
  actor: Actor,
  input: {
    description: CertificateDescription;
    pem: string;
    vendorId: string | null;
    knownCategories: ReadonlySet<string>;
    now: Date;
  },
): Promise<CertificatesTable & { knownFromRegistry: boolean; boundUserId: string | null }> {
  const d = input.description;
  const seen = await findCertificateWithBindingByFingerprint(trx, d.fingerprintSha256);
  if (seen) {
    const { bound_user_id, ...certificate } = seen;
    return { ...certificate, knownFromRegistry: seen.source === "registry", boundUserId: bound_user_id ?? null };
  }

  const now = input.now.toISOString();
  const enterpriseId =
    d.uscc && d.enterpriseName
      ? await ensureEnterprise(trx, actor, { uscc: d.uscc, name: d.enterpriseName, now: input.now })
      : null;
  const facts = {
    fingerprint_sha256: d.fingerprintSha256,
    certificate_pem: input.pem,
    issuer: d.issuer,
    subject: d.subject,
    holder_name: d.holderName,
    holder_id_number: d.idNumber,
    not_before: d.notBefore.toISOString(),
    not_after: d.notAfter.toISOString(),
  };

  const registry = (await findRegistryCandidates(trx, d.serialNumber)).find((r) => sameIssuer(r.issuer, d.issuer));
  if (registry) {
    const completed = {
      ...facts,
      updated_at: now,
      vendor_id: registry.vendor_id ?? input.vendorId,
      enterprise_id: registry.enterprise_id ?? enterpriseId,
    };
    await updateCertificate(trx, registry.id, completed);
    await recordAudit(
      trx,
      actor,
      "certificate.registry_matched",
      { kind: "certificate", id: registry.id },
      {},
      input.now,
    );
    return { ...registry, ...completed, knownFromRegistry: true, boundUserId: null };
  }

  const row = await recordCertificateOnToken(trx, {
    tokenLabel: null,
    now: input.now,
    certificate: {
      serial_number: d.serialNumber,
      holder_kind: d.holderKind,
      category_code: d.categoryCode && input.knownCategories.has(d.categoryCode) ? d.categoryCode : null,
      vendor_id: input.vendorId,
      enterprise_id: enterpriseId,
      source: "login",
      ...facts,
    },
  });
  await recordAudit(
    trx,
    actor,
    "certificate.first_seen",
    { kind: "certificate", id: row.id },
    { serial: d.serialNumber },
    input.now,
  );
  return { ...row, knownFromRegistry: false, boundUserId: null };
}

/** What a certificate entering the platform is known by; the facts its source does not give are null. */
export type NewCertificate = Pick<
  CertificatesTable,
  "serial_number" | "issuer" | "holder_kind" | "holder_name" | "source"
> &
  Partial<
    Pick<
      CertificatesTable,
      | "subject"
      | "fingerprint_sha256"
      | "certificate_pem"
      | "category_code"
      | "vendor_id"
      | "holder_id_number"
      | "enterprise_id"
      | "not_before"
      | "not_after"
    >
  >;

/**
 * A new, unbound token and the active certificate it holds: the one way a certificate enters the platform
 * without a predecessor, whether issued here, first seen at a login or imported from the old registry.
 * The caller records its own audit row.
 */
export async function recordCertificateOnToken(
  trx: DbOrTx,
  input: { tokenLabel: string | null; certificate: NewCertificate; now: Date },
): Promise<CertificatesTable> {
  const [row] = await recordCertificatesOnTokens(trx, [input], input.now);
  return row as CertificatesTable;
}

/** The same for many certificates at once, in two statements (the registry import's batches). */
export async function recordCertificatesOnTokens(
  trx: DbOrTx,
  inputs: readonly { tokenLabel: string | null; certificate: NewCertificate; id?: string }[],
  at: Date,
): Promise<CertificatesTable[]> {
  const now = at.toISOString();
  const tokens = inputs.map((input) => ({
    id: newId(),
    bound_user_id: null,
    bound_at: null,
    label: input.tokenLabel,
    created_at: now,
    updated_at: now,
  }));
  const rows = inputs.map(
    (input, i): CertificatesTable => ({
      id: input.id ?? newId(),
      token_id: (tokens[i] as (typeof tokens)[number]).id,
      previous_certificate_id: null,
      subject: null,
      fingerprint_sha256: null,
      certificate_pem: null,
      category_code: null,
      vendor_id: null,
      holder_id_number: null,
      enterprise_id: null,
      not_before: null,
      not_after: null,
      status: "active",
      revoked_at: null,
      revocation_reason: null,
      created_at: now,
      updated_at: now,
      ...input.certificate,
    }),
  );
  await insertTokens(trx, tokens);
  await insertCertificates(trx, rows);
  return rows;
}

/**
 * The registry names the issuer as the old platform wrote it: the full DN or just its CN. Compare both
 * forms, ignoring case and spacing.
 */
export function sameIssuer(registryIssuer: string, certificateIssuer: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  if (norm(registryIssuer) === norm(certificateIssuer)) return true;
  const cn = /(?:^|,)\s*CN=([^,]+)/i.exec(certificateIssuer)?.[1];
  return cn !== undefined && norm(registryIssuer) === norm(cn);
}
