import type { DbOrTx } from "../../db/database";
import type { CertificatesTable, IdentityRole } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import { newId } from "../../shared/ids";
import type { PersonalDataVault, ProtectedIdNumber } from "../../shared/personal-data";
import { recordAudit } from "../audit/audit";
import { bindTokenOnce } from "../certificates/certificates.service";
import { grantIdentity } from "../identities/identities.service";
import type { Actor } from "../policy/actor";
import { findUserByIdNumberHash, findUserByMobile, insertUser, listPlainIdNumbers, updateUser } from "./users.queries";

/** The account of a mobile number or resident ID, if any (other features look accounts up here). */
export function findAccountByMobile(db: DbOrTx, mobile: string) {
  return findUserByMobile(db, mobile);
}

/** The account of a resident ID number, found by its keyed hash (the number is stored only sealed). */
export function findAccountByIdNumber(db: DbOrTx, vault: PersonalDataVault, idNumber: string) {
  return findUserByIdNumberHash(db, vault.lookupHash("id_number", idNumber));
}

/** Records the resident ID of an account that had none (a main key's binding tells it). */
export function setAccountIdNumber(trx: DbOrTx, userId: string, idNumber: ProtectedIdNumber, now: Date) {
  return updateUser(trx, userId, {
    id_number_hash: idNumber.hash,
    id_number_sealed: idNumber.sealed,
    updated_at: now.toISOString(),
  });
}

/**
 * Seals the ID numbers stored in the plain before migration 013 (idempotent; the composition root runs it at
 * start, since the migration has no key). Nothing to do on a database made after it.
 */
export async function sealPlainIdNumbers(database: UnitOfWork, vault: PersonalDataVault, now: Date) {
  const rows = await listPlainIdNumbers(database.db);
  for (const row of rows) {
    if (row.id_number_hash)
      await setAccountIdNumber(database.db, row.id, vault.protectIdNumber(row.id_number_hash), now);
  }
}

/** Which identity a personal key gives its holder in the certificate's enterprise. */
const roleOfCategory: Record<string, IdentityRole> = {
  project_lead: "project_lead",
  authorized_agent: "authorized_agent",
};

export async function createUser(
  trx: DbOrTx,
  actor: Actor,
  input: { mobile: string; name: string; idNumber: ProtectedIdNumber | null; via: string; now: Date },
): Promise<string> {
  const id = newId();
  const now = input.now.toISOString();
  await insertUser(trx, {
    id,
    mobile: input.mobile,
    name: input.name,
    id_number_hash: input.idNumber?.hash ?? null,
    id_number_sealed: input.idNumber?.sealed ?? null,
    email: null,
    password_hash: null,
    id_card_front_file_id: null,
    id_card_back_file_id: null,
    profile_completed_at: null,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, actor, "user.registered", { kind: "user", id }, { via: input.via }, input.now);
  return id;
}

/**
 * Binds a key (the token holding `certificate`) to a user for good and gives them the identity the key
 * stands for: a main key makes its holder the enterprise's administrator (refused when the enterprise has
 * another one); a project-lead or agent key that role in its enterprise; any other key the personal role.
 * Returns that identity.
 */
export async function bindTokenToUser(
  trx: DbOrTx,
  actor: Actor,
  input: { certificate: CertificatesTable; userId: string; now: Date },
): Promise<string> {
  const { certificate, userId, now } = input;
  if (!(await bindTokenOnce(trx, certificate.token_id, userId, now))) {
    throw new AppError("TOKEN_ALREADY_BOUND");
  }
  await recordAudit(
    trx,
    actor,
    "token.bound",
    { kind: "token", id: certificate.token_id },
    { certificateId: certificate.id, userId },
    now,
  );
  if (certificate.holder_kind === "organization") {
    if (!certificate.enterprise_id) throw new AppError("CERTIFICATE_MALFORMED", "主锁证书缺少单位信息");
    return grantIdentity(trx, actor, {
      userId,
      enterpriseId: certificate.enterprise_id,
      role: "admin",
      status: "active",
      now,
    });
  }
  const role = certificate.category_code ? roleOfCategory[certificate.category_code] : undefined;
  if (role && certificate.enterprise_id) {
    return grantIdentity(trx, actor, { userId, enterpriseId: certificate.enterprise_id, role, status: "active", now });
  }
  return grantIdentity(trx, actor, { userId, enterpriseId: null, role: "individual", status: "active", now });
}

/**
 * A new user who bound the token holding `certificate` on an earlier visit, elsewhere than a CA login here:
 * the demo seed's people, the e2e provisioning and the bench use it, and so do the test factories.
 */
export async function registerUserWithToken(
  { database, vault }: { database: UnitOfWork; vault: PersonalDataVault },
  actor: Actor,
  input: {
    user: { mobile: string; name: string; idNumber: string | null };
    certificate: CertificatesTable;
    via: string;
    now: Date;
  },
): Promise<{ userId: string; identityId: string }> {
  const { user, certificate, via, now } = input;
  return database.transaction(async (trx) => {
    const idNumber = user.idNumber ? vault.protectIdNumber(user.idNumber) : null;
    const userId = await createUser(trx, actor, { ...user, idNumber, via, now });
    const identityId = await bindTokenToUser(trx, actor, { certificate, userId, now });
    return { userId, identityId };
  });
}
