import {
  type IdScanSide,
  maskIdNumber,
  normalizeIdNumber,
  type Profile,
  type ProfileField,
  type ProfileUpdateRequest,
  profileChecks,
} from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { UsersTable } from "../../db/schema";
import { isUniqueViolation } from "../../db/unique-violation";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import type { PersonalDataVault } from "../../shared/personal-data";
import { recordAudit } from "../audit/audit";
import type { FileStore } from "../files/files.service";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import { findAccountByIdNumber } from "./accounts.service";
import { findUserById, updateUser } from "./users.queries";

declare module "../audit/audit" {
  interface AuditActions {
    /** Which fields changed, never their values (personal information stays out of the log). */
    "user.profile_updated": { fields: string[] };
    "user.mobile_changed": { fromMasked: string; toMasked: string };
    "user.id_scan_uploaded": { side: IdScanSide; fileId: string; mediaType: string };
    "user.id_scan_viewed": { side: IdScanSide; fileId: string; userId: string };
  }
}

export type UserRow = UsersTable;

/** What 已完善 needs that this person's row lacks (an invalid value counts as missing). */
export function missingFields(user: UserRow): ProfileField[] {
  const missing: ProfileField[] = [];
  if (!user.name || profileChecks.name(user.name)) missing.push("name");
  if (!user.id_number_sealed) missing.push("idNumber");
  if (!user.email || profileChecks.email(user.email)) missing.push("email");
  if (!user.id_card_front_file_id) missing.push("idCardFront");
  if (!user.id_card_back_file_id) missing.push("idCardBack");
  return missing;
}

/**
 * Re-reads the person in `trx` and keeps `profile_completed_at` true to the row: set when everything required is
 * there (kept when it already was), cleared otherwise. Every change to a profile ends with it.
 */
export async function settleCompletion(trx: DbOrTx, userId: string, now: Date): Promise<void> {
  const user = await requireUser(trx, userId);
  const complete = missingFields(user).length === 0;
  const completedAt = complete ? (user.profile_completed_at ?? now.toISOString()) : null;
  if (completedAt !== user.profile_completed_at) {
    await updateUser(trx, userId, { profile_completed_at: completedAt, updated_at: now.toISOString() });
  }
}

export async function requireUser(db: DbOrTx, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  return user;
}

/** 个人信息 (guide §二): read and 【确认完善信息】; the status 已完善 / 未完善 with what is missing. */
export class ProfileService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly vault: PersonalDataVault;
  private readonly files: FileStore;

  constructor(deps: { database: UnitOfWork; clock: Clock; vault: PersonalDataVault; files: FileStore }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.vault = deps.vault;
    this.files = deps.files;
  }

  async read(actor: Actor, userId: string): Promise<Profile> {
    authorize(actor, "profile.read", { userId });
    return this.view(this.database.db, actor, await requireUser(this.database.db, userId));
  }

  /**
   * Saves name, ID number and e-mail as given (an empty one is cleared, and then listed as missing); a value
   * given must be valid, each refused with its own code; an ID number another account holds is refused.
   */
  async update(actor: Actor, userId: string, input: ProfileUpdateRequest): Promise<Profile> {
    authorize(actor, "profile.update", { userId });
    const name = input.name.trim() || null;
    const idNumber = normalizeIdNumber(input.idNumber) || null;
    const email = input.email.trim() || null;
    if (name && profileChecks.name(name)) throw new AppError("NAME_INVALID");
    if (idNumber && profileChecks.idNumber(idNumber)) throw new AppError("ID_NUMBER_INVALID");
    if (email && profileChecks.email(email)) throw new AppError("EMAIL_INVALID");
    const protectedId = idNumber ? this.vault.protectIdNumber(idNumber) : null;
    const now = this.clock.now();
    try {
      return await this.database.transaction(async (trx) => {
        const user = await requireUser(trx, userId);
        if (idNumber) {
          const holder = await findAccountByIdNumber(trx, this.vault, idNumber);
          if (holder && holder.id !== userId) throw new AppError("ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
        }
        const sameId = (protectedId?.hash ?? null) === user.id_number_hash;
        const fields = [
          ...(name !== user.name ? ["name"] : []),
          ...(sameId ? [] : ["idNumber"]),
          ...(email !== user.email ? ["email"] : []),
        ];
        await updateUser(trx, userId, {
          name,
          email,
          // An unchanged number keeps its sealed value (sealing again would only change the nonce).
          ...(sameId
            ? {}
            : { id_number_hash: protectedId?.hash ?? null, id_number_sealed: protectedId?.sealed ?? null }),
          updated_at: now.toISOString(),
        });
        await settleCompletion(trx, userId, now);
        await recordAudit(trx, actor, "user.profile_updated", { kind: "user", id: userId }, { fields }, now);
        return this.view(trx, actor, await requireUser(trx, userId));
      });
    } catch (error) {
      // Two accounts raced to the same ID number: the unique index let one through.
      if (isUniqueViolation(error)) throw new AppError("ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
      throw error;
    }
  }

  /** The profile as `actor` may see it: the full ID number to its owner only, masked to anyone else. */
  async view(db: DbOrTx, actor: Actor, user: UserRow): Promise<Profile> {
    const idNumber = user.id_number_sealed ? this.vault.openIdNumber(user.id_number_sealed) : null;
    const owner = actor.kind === "user" && actor.userId === user.id;
    const missing = missingFields(user);
    const scan = async (fileId: string | null) => {
      const file = fileId ? await this.files.describe(db, fileId) : undefined;
      return file
        ? {
            mediaType: file.media_type as "image/jpeg" | "image/png" | "application/pdf",
            sizeBytes: file.size_bytes,
            uploadedAt: file.created_at,
          }
        : null;
    };
    return {
      name: user.name,
      idNumber: owner ? idNumber : null,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
      mobile: user.mobile,
      email: user.email,
      idScans: { front: await scan(user.id_card_front_file_id), back: await scan(user.id_card_back_file_id) },
      status: missing.length === 0 ? "complete" : "incomplete",
      missing,
    };
  }
}
