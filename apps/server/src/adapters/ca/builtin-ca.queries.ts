import { sql } from "kysely";
import type { DbOrTx } from "../../db/database";
import type { CaAuthoritiesTable, CrlsTable, TrustedCertificatesTable } from "../../db/schema";

export function findAuthority(db: DbOrTx, name: string) {
  return db.selectFrom("ca_authorities").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function insertAuthority(db: DbOrTx, row: Omit<CaAuthoritiesTable, "crl_number">): Promise<void> {
  await db.insertInto("ca_authorities").values(row).execute();
}

/** Takes the next CRL number atomically, so two processes never publish the same number. */
export async function nextCrlNumber(db: DbOrTx, id: string): Promise<number> {
  const row = await db
    .updateTable("ca_authorities")
    .set({ crl_number: sql`crl_number + 1` })
    .where("id", "=", id)
    .returning("crl_number")
    .executeTakeFirstOrThrow();
  return Number(row.crl_number);
}

export async function insertTrustedCertificate(db: DbOrTx, row: TrustedCertificatesTable): Promise<void> {
  await db
    .insertInto("trusted_certificates")
    .values(row)
    .onConflict((oc) => oc.column("fingerprint_sha256").doNothing())
    .execute();
}

export function findCrl(db: DbOrTx, issuerFingerprint: string) {
  return db
    .selectFrom("crls")
    .selectAll()
    .where("issuer_fingerprint_sha256", "=", issuerFingerprint)
    .executeTakeFirst();
}

/** Keeps the newest CRL per issuer: an older one arriving late never replaces a newer one. */
export async function upsertCrl(db: DbOrTx, row: CrlsTable): Promise<void> {
  await db
    .insertInto("crls")
    .values(row)
    .onConflict((oc) =>
      oc
        .column("issuer_fingerprint_sha256")
        .doUpdateSet({
          crl_pem: row.crl_pem,
          crl_number: row.crl_number,
          this_update: row.this_update,
          next_update: row.next_update,
        })
        .where("crls.crl_number", "<", row.crl_number),
    )
    .execute();
}
