import type { DbOrTx } from "../../db/database";
import { prepared } from "../../db/prepared";
import type { AssociationsTable, CertificatesTable, TokensTable, TrustedCertificatesTable } from "../../db/schema";
import { newId } from "../../shared/ids";

const certificateWithBinding = prepared<{ fingerprint: string }>()((db, p) =>
  db
    .selectFrom("certificates")
    .leftJoin("tokens", "tokens.id", "certificates.token_id")
    .selectAll("certificates")
    .select("tokens.bound_user_id")
    .where("certificates.fingerprint_sha256", "=", p.fingerprint),
);

/**
 * The certificate with its token's binding, in one statement (a CA login needs both); compiled once
 * (db/prepared.ts).
 */
export function findCertificateWithBindingByFingerprint(db: DbOrTx, fingerprint: string) {
  return certificateWithBinding.executeTakeFirst(db, { fingerprint });
}

export function findCertificateById(db: DbOrTx, id: string) {
  return db.selectFrom("certificates").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A certificate with the account its key is bound to (null: unbound). */
export function findCertificateWithBindingById(db: DbOrTx, id: string) {
  return db
    .selectFrom("certificates")
    .leftJoin("tokens", "tokens.id", "certificates.token_id")
    .select([
      "certificates.id",
      "certificates.serial_number",
      "certificates.holder_kind",
      "certificates.holder_name",
      "certificates.enterprise_id",
      "certificates.category_code",
      "certificates.not_before",
      "certificates.not_after",
      "certificates.status",
      "tokens.bound_user_id",
    ])
    .where("certificates.id", "=", id)
    .executeTakeFirst();
}

/** Registry rows (imported from the old platform) not yet seen at a login, by serial. */
export function findRegistryCandidates(db: DbOrTx, serialNumber: string) {
  return db
    .selectFrom("certificates")
    .selectAll()
    .where("serial_number", "=", serialNumber)
    .where("fingerprint_sha256", "is", null)
    .execute();
}

export function findTokenById(db: DbOrTx, id: string) {
  return db.selectFrom("tokens").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Binds a token to a user only if it is still unbound; false when someone else bound it first. */
/**
 * Locks a token row for the rest of the transaction (a no-op write) and returns who it is bound to. On
 * PostgreSQL a concurrent binder waits here and then sees the first one's committed binding; SQLite runs one
 * write transaction at a time anyway.
 */
export async function lockToken(db: DbOrTx, tokenId: string, now: string) {
  return db
    .updateTable("tokens")
    .set({ updated_at: now })
    .where("id", "=", tokenId)
    .returning("bound_user_id")
    .executeTakeFirst();
}

export async function bindTokenIfUnbound(db: DbOrTx, tokenId: string, userId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("tokens")
    .set({ bound_user_id: userId, bound_at: now, updated_at: now })
    .where("id", "=", tokenId)
    .where("bound_user_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateCertificate(
  db: DbOrTx,
  id: string,
  change: Partial<Omit<CertificatesTable, "id" | "created_at" | "status">>,
): Promise<void> {
  await db.updateTable("certificates").set(change).where("id", "=", id).execute();
}

/** Starts active associations of a certificate with platforms (ids). */
export async function insertAssociations(
  db: DbOrTx,
  certificateId: string,
  platformIds: string[],
  now: string,
): Promise<void> {
  if (platformIds.length === 0) return;
  const rows: AssociationsTable[] = platformIds.map((platformId) => ({
    id: newId(),
    certificate_id: certificateId,
    platform_id: platformId,
    status: "active",
    started_at: now,
    ended_at: null,
    ended_reason: null,
  }));
  await db.insertInto("associations").values(rows).execute();
}

export function listTrustedCertificates(db: DbOrTx) {
  return db.selectFrom("trusted_certificates").selectAll().execute();
}

export function listCrls(db: DbOrTx) {
  return db.selectFrom("crls").selectAll().execute();
}

export function listRevokedSerialsByIssuer(db: DbOrTx, issuer: string) {
  return db
    .selectFrom("certificates")
    .select(["serial_number", "revoked_at", "revocation_reason"])
    .where("issuer", "=", issuer)
    .where("status", "=", "revoked")
    .execute();
}

/** Registry rows already known, for one batch of an import: every certificate of these issuers and serials. */
export function findRegistryRows(db: DbOrTx, issuers: string[], serialNumbers: string[]) {
  if (issuers.length === 0 || serialNumbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("certificates")
    .select(["id", "issuer", "serial_number"])
    .where("issuer", "in", issuers)
    .where("serial_number", "in", serialNumbers)
    .execute();
}

export async function insertTokens(db: DbOrTx, rows: TokensTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("tokens").values(rows).execute();
}

export async function insertCertificates(db: DbOrTx, rows: CertificatesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("certificates").values(rows).execute();
}

export async function insertAssociationRows(db: DbOrTx, rows: AssociationsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("associations").values(rows).execute();
}

export function listActiveAssociationsOf(db: DbOrTx, certificateIds: string[]) {
  if (certificateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("associations")
    .select(["id", "certificate_id", "platform_id"])
    .where("certificate_id", "in", certificateIds)
    .where("status", "=", "active")
    .execute();
}

export function listTrustedCertificatesOfVendor(db: DbOrTx, vendorId: string) {
  return db
    .selectFrom("trusted_certificates")
    .select(["id", "kind", "subject", "fingerprint_sha256", "not_after"])
    .where("vendor_id", "=", vendorId)
    .orderBy("kind", "desc")
    .orderBy("created_at")
    .execute();
}

/** False when the fingerprint is already trusted (for this vendor or another). */
export async function insertTrustedCertificateOnce(db: DbOrTx, row: TrustedCertificatesTable): Promise<boolean> {
  const inserted = await db
    .insertInto("trusted_certificates")
    .values(row)
    .onConflict((oc) => oc.column("fingerprint_sha256").doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}
