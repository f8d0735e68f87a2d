import type { DbOrTx } from "../../db/database";
import { prepared } from "../../db/prepared";

/**
 * A certificate seen before whose key is bound, with the person it is bound to and their open identities, in
 * one statement: a row per identity (one row with null identity columns when the person has none). No rows:
 * the certificate is new, from the registry, or its key is not bound yet.
 *
 * Why one statement: a returning user's CA login used to read the certificate, the person and their
 * identities (and the enterprise's administrator, for a main key) one by one. Compiled once (db/prepared.ts).
 */
const boundLoginSubject = prepared<{ fingerprint: string }>()((db, p) =>
  db
    .selectFrom("certificates")
    .innerJoin("tokens", "tokens.id", "certificates.token_id")
    .innerJoin("users", "users.id", "tokens.bound_user_id")
    .leftJoin("identities", (join) =>
      join.onRef("identities.user_id", "=", "users.id").on("identities.status", "in", ["pending", "active"]),
    )
    .leftJoin("enterprises", "enterprises.id", "identities.enterprise_id")
    .select([
      "certificates.id as certificate_id",
      "certificates.status as certificate_status",
      "certificates.holder_kind",
      "certificates.enterprise_id as certificate_enterprise_id",
      "users.id as user_id",
      "users.name as user_name",
      "users.mobile as user_mobile",
      "users.profile_completed_at as user_profile_completed_at",
      "identities.id as identity_id",
      "identities.role as identity_role",
      "identities.status as identity_status",
      "identities.enterprise_id as identity_enterprise_id",
      "enterprises.name as identity_enterprise_name",
    ])
    .where("certificates.fingerprint_sha256", "=", p.fingerprint)
    .orderBy("identities.created_at"),
);

export type BoundLoginSubjectRow = Awaited<ReturnType<typeof findBoundLoginSubject>>[number];

export function findBoundLoginSubject(db: DbOrTx, fingerprint: string) {
  return boundLoginSubject.execute(db, { fingerprint });
}
