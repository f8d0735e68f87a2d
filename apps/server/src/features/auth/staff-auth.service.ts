import type { Staff } from "@lnca/contracts";
import type { StaffTable } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { hashPassword, verifyPassword } from "../../shared/passwords";
import { HOUR, hitRateLimit, MINUTE } from "../../shared/rate-limit";
import { recordAudit } from "../audit/audit";
import { systemActor } from "../policy/actor";
import type { RequestMeta } from "./ca-login.service";
import type { SessionService } from "./sessions.service";
import { findStaffById, findStaffByUsername, insertStaff } from "./staff.queries";

const LOGIN_WINDOWS = [
  { ms: MINUTE, max: 10, label: "每分钟最多 10 次" },
  { ms: HOUR, max: 50, label: "每小时最多 50 次" },
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
    await hitRateLimit(this.database.db, {
      bucket: "console-login",
      subject: `${input.username}|${meta.ip ?? ""}`,
      windows: LOGIN_WINDOWS,
      now,
      code: "LOGIN_RATE_LIMITED",
    });
    const staff = await findStaffByUsername(this.database.db, input.username);
    if (!staff || staff.disabled || !(await verifyPassword(input.password, staff.password_hash))) {
      throw new AppError("CREDENTIALS_INVALID");
    }
    return this.database.transaction(async (trx) => {
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
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}
