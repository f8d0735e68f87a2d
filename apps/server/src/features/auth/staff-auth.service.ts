import type { Staff } from "@lnca/contracts";
import type { StaffTable } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../../shared/passwords";
import { forgetTries, HOUR, hitRateLimit, MINUTE, takeTry } from "../../shared/rate-limit";
import { recordAudit } from "../audit/audit";
import { systemActor } from "../policy/actor";
import { consolePermissionsOf } from "../policy/policy";
import type { RequestMeta } from "./ca-login.service";
import type { SessionService } from "./sessions.service";
import { findStaffById, findStaffByUsername, insertStaff } from "./staff.queries";

/**
 * Per username at one address: ten tries back to back, then each waits twice as long as the one before (1 s,
 * 2 s, … 15 min) until one succeeds. Keyed by the address too, so failures elsewhere never lock the real
 * operator out.
 */
const USER_BACKOFF = { freeTries: 10, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE };
/** Per address, whatever the usernames: bounds guessing across many accounts (and trying which exist). */
const ADDRESS_WINDOWS = [
  { ms: MINUTE, max: 20, label: "同一网络每分钟最多 20 次" },
  { ms: HOUR, max: 100, label: "同一网络每小时最多 100 次" },
] as const;

/** Operator-console accounts (审核员, 运营): username + password, their own session cookie. */
export class StaffAuthService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
  ) {}

  async login(
    input: { username: string; password: string },
    meta: RequestMeta,
  ): Promise<{ staff: Staff; sessionToken: string }> {
    const now = this.clock.now();
    const tries = { bucket: "console-login", subject: `${input.username}|${meta.ip ?? ""}` };
    // Committed before the password is checked, so simultaneous tries are counted as they arrive.
    await this.database.transaction(async (trx) => {
      await takeTry(trx, { ...tries, backoff: USER_BACKOFF, now, code: "LOGIN_RATE_LIMITED" });
      if (meta.ip) {
        const address = { bucket: "console-login:ip", subject: meta.ip };
        await hitRateLimit(trx, { ...address, windows: ADDRESS_WINDOWS, now, code: "LOGIN_RATE_LIMITED" });
      }
    });
    const staff = await findStaffByUsername(this.database.db, input.username);
    // An unknown username is checked against a hash of the same cost: the answer takes as long as for a real
    // one, so timing does not tell which usernames exist.
    const valid = await verifyPassword(input.password, staff?.password_hash ?? (await dummyPasswordHash()));
    if (!staff || staff.disabled || !valid) throw new AppError("CREDENTIALS_INVALID");
    return this.database.transaction(async (trx) => {
      await forgetTries(trx, tries, now);
      const session = await this.sessions.create(trx, { subject: { kind: "staff", staffId: staff.id }, ...meta });
      await recordAudit(
        trx,
        { kind: "staff", staffId: staff.id, role: staff.role, ip: meta.ip },
        "console.login",
        { kind: "staff", id: staff.id },
        {},
        now,
      );
      return { staff: toStaff(staff), sessionToken: session.token };
    });
  }

  async find(staffId: string): Promise<Staff> {
    const staff = await findStaffById(this.database.db, staffId);
    if (!staff) throw new AppError("UNAUTHENTICATED");
    return toStaff(staff);
  }

  async create(input: {
    username: string;
    displayName: string;
    role: StaffTable["role"];
    password: string;
  }): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.password);
    await this.database.transaction(async (trx) => {
      await insertStaff(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: passwordHash,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(
        trx,
        systemActor,
        "staff.created",
        { kind: "staff", id },
        { username: input.username, role: input.role },
        now,
      );
    });
    return id;
  }
}

function toStaff(row: Pick<StaffTable, "id" | "username" | "display_name" | "role">): Staff {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    permissions: consolePermissionsOf(row.role),
  };
}
