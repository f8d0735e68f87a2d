import { ID_SCAN_MAX_BYTES, ID_SCAN_MEDIA_TYPES, type IdScanSide, type Profile } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { recordAudit } from "../audit/audit";
import type { FileStore } from "../files/files.service";
import type { Actor } from "../policy/actor";
import { authorize, can } from "../policy/policy";
import { type ProfileService, requireUser, settleCompletion, type UserRow } from "./profile.service";
import { updateUser } from "./users.queries";

const column = { front: "id_card_front_file_id", back: "id_card_back_file_id" } as const;

/**
 * ID-card scans (人像面 / 国徽面): JPG, PNG or PDF by their bytes, at most 5 MB, stored sealed. Served to the
 * person and to reviewers only, and every view leaves an audit row (who, whose, which side).
 */
export class IdScanService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly files: FileStore;
  private readonly profiles: ProfileService;

  constructor(deps: { database: UnitOfWork; clock: Clock; files: FileStore; profiles: ProfileService }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.files = deps.files;
    this.profiles = deps.profiles;
  }

  async upload(
    actor: Actor,
    userId: string,
    input: { side: IdScanSide; bytes: Buffer; fileName: string | null },
  ): Promise<Profile> {
    authorize(actor, "profile.update", { userId });
    const now = this.clock.now();
    const file = await this.files.put({
      bytes: input.bytes,
      allowed: ID_SCAN_MEDIA_TYPES,
      maxBytes: ID_SCAN_MAX_BYTES,
      purpose: `id_card_${input.side}`,
      originalName: input.fileName,
      userId,
      sealed: true,
      now,
    });
    return this.database.transaction(async (trx) => {
      await requireUser(trx, userId);
      await this.files.record(trx, file);
      await updateUser(trx, userId, { [column[input.side]]: file.id, updated_at: now.toISOString() });
      await settleCompletion(trx, userId, now);
      await recordAudit(
        trx,
        actor,
        "user.id_scan_uploaded",
        { kind: "user", id: userId },
        { side: input.side, fileId: file.id, mediaType: file.media_type },
        now,
      );
      return this.profiles.view(trx, actor, await requireUser(trx, userId));
    });
  }

  /** The scan's bytes and type, for its owner or a reviewer; the view is audited before the bytes leave. */
  async view(actor: Actor, userId: string, side: IdScanSide): Promise<{ bytes: Buffer; mediaType: string }> {
    const user: UserRow = await requireUser(this.database.db, userId);
    if (!(can(actor, "console.id_scan.read") || can(actor, "profile.read", { userId }))) {
      throw new AppError("FORBIDDEN");
    }
    const fileId = user[column[side]];
    const file = fileId ? await this.files.describe(this.database.db, fileId) : undefined;
    if (!file) throw new AppError("ID_SCAN_NOT_FOUND");
    await this.database.transaction((trx) =>
      recordAudit(
        trx,
        actor,
        "user.id_scan_viewed",
        { kind: "file", id: file.id },
        { side, fileId: file.id, userId },
        this.clock.now(),
      ),
    );
    const bytes = await this.files.read(file);
    if (!bytes) throw new AppError("ID_SCAN_NOT_FOUND");
    return { bytes, mediaType: file.media_type };
  }
}
