import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildBoundToken,
  buildCertificate,
  buildMemberCertificate,
  buildRenewalOrder,
  completeProfile,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { DAY_MS } from "../../../test/support/identifiers";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { transition } from "../../kernel/transition";
import { beijingDate, beijingDayStart } from "../../shared/beijing-time";
import { certificateMachine } from "../certificates/certificates.states";
import { systemActor } from "../policy/actor";
import { ExpiryReminderService } from "./expiry-reminders.service";

const DB = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";
// 09:00 on 2026-12-01, Beijing time: when the daily scan runs by default.
const START = new Date("2026-12-01T01:00:00.000Z");

/** Noon, Beijing time, of the day `days` after the clock's day. */
function expiringIn(clock: TestClock, days: number): Date {
  return new Date(Date.parse(beijingDayStart(beijingDate(clock.now()), days)) + 12 * 3_600_000);
}

const stepsOf = async (t: TestApp, certificateId: string) =>
  (
    await t.ctx.database.db
      .selectFrom("expiry_reminders")
      .select("step_days")
      .where("certificate_id", "=", certificateId)
      .orderBy("step_days", "desc")
      .execute()
  ).map((r) => r.step_days);

const smsTo = (t: TestApp, mobile: string) =>
  t.ctx.database.db
    .selectFrom("sms_messages")
    .selectAll()
    .where("mobile", "=", mobile)
    .where("template", "=", "certificate_expiry_reminder")
    .orderBy("created_at")
    .execute();

const mailTo = (t: TestApp, address: string) =>
  t.ctx.database.db.selectFrom("email_messages").selectAll().where("to_address", "=", address).execute();

/** A personal key bound to its holder, expiring `days` days from today (Beijing). */
function holderExpiringIn(t: TestApp, clock: TestClock, days: number) {
  const notAfter = expiringIn(clock, days);
  return buildBoundToken(t.ctx, { notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter });
}

describe(`expiry reminders: steps (${DB})`, () => {
  const clock = new TestClock(START);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, withCatalog: true });
  });
  afterAll(() => t?.close());

  it("reminds a certificate 30, 7 or 1 days out at that step only, none 31 days out or expired, never twice", async () => {
    const byDays = new Map<number, string>();
    for (const days of [31, 30, 8, 7, 2, 1, 0, -1])
      byDays.set(days, (await holderExpiringIn(t, clock, days)).certificate.id);
    const first = await t.ctx.expiryReminders.scan();
    const steps = async (days: number) => stepsOf(t, byDays.get(days) ?? "");
    expect(await steps(31)).toEqual([]);
    expect(await steps(30)).toEqual([30]);
    // Between two steps the larger one is due (a certificate recorded late is still told once).
    expect(await steps(8)).toEqual([30]);
    expect(await steps(7)).toEqual([7]);
    expect(await steps(2)).toEqual([7]);
    expect(await steps(1)).toEqual([1]);
    // Expiring later today.
    expect(await steps(0)).toEqual([1]);
    expect(await steps(-1)).toEqual([]);
    expect(first).toEqual({ reminded: 6, sms: 6, mail: 0, failed: 0 });

    expect(await t.ctx.expiryReminders.scan()).toEqual({ reminded: 0, sms: 0, mail: 0, failed: 0 });
    expect(await steps(30)).toEqual([30]);
  });
});

describe(`expiry reminders: one certificate day by day (${DB})`, () => {
  const clock = new TestClock(START);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, withCatalog: true });
  });
  afterAll(() => t?.close());

  it("sends the 30-, 7- and 1-day reminders on their days, each once, over daily scans", async () => {
    const holder = await holderExpiringIn(t, clock, 35);
    const sentOn: Record<number, number> = {};
    for (let day = 0; day <= 36; day++) {
      const before = (await stepsOf(t, holder.certificate.id)).length;
      await t.ctx.expiryReminders.scan();
      const steps = await stepsOf(t, holder.certificate.id);
      if (steps.length > before) sentOn[steps.at(-1) ?? 0] = day;
      clock.advance(DAY_MS);
    }
    expect(sentOn).toEqual({ 30: 5, 7: 28, 1: 34 });
    expect(await smsTo(t, holder.user.mobile)).toHaveLength(3);
  });
});

describe(`expiry reminders: whom and what (${DB})`, () => {
  const clock = new TestClock(START);
  let t: TestApp;
  let enterprise: ReturnType<typeof newEnterprise>;
  let admin: Awaited<ReturnType<typeof buildBoundToken>>;
  beforeAll(async () => {
    t = await createTestApp({ clock, withCatalog: true });
    enterprise = newEnterprise();
    admin = await buildBoundToken(t.ctx, { profile: organizationProfile(enterprise) });
  });
  afterAll(() => t?.close());

  /** A project lead of the enterprise bound to their key, expiring `days` days from today. */
  function memberExpiringIn(days: number, name: string) {
    const notAfter = expiringIn(clock, days);
    return buildBoundToken(t.ctx, {
      user: { name },
      profile: personalProfile({ categoryCode: "project_lead", holderName: name, enterprise }),
      notBefore: new Date(notAfter.getTime() - 365 * DAY_MS),
      notAfter,
    });
  }

  it("texts the holder and the administrator with the holder, category, date and renewal link, and mails an address on file", async () => {
    const holder = await memberExpiringIn(7, "刘洋");
    await completeProfile(t.ctx, holder.user.id, {
      name: "刘洋",
      idNumber: holder.user.idNumber ?? undefined,
      email: "liuyang@example.com",
    });
    const result = await t.ctx.expiryReminders.scan();
    expect(result).toEqual({ reminded: 1, sms: 2, mail: 1, failed: 0 });

    const link = `${t.ctx.config.publicOrigin}/center/ca`;
    const text = `【辽宁网联】刘洋的项目负责人锁将于2026年12月8日到期，到期后将无法在各交易平台使用，请登录 ${link} 办理 CA 延期年检。`;
    for (const mobile of [holder.user.mobile, admin.user.mobile]) {
      const messages = await smsTo(t, mobile);
      expect(messages.map((m) => m.content)).toEqual([text]);
      expect(JSON.parse(messages[0]?.params ?? "{}")).toEqual({
        holder: "刘洋",
        category: "项目负责人锁",
        expiresOn: "2026年12月8日",
        link,
      });
      const jobs = await t.ctx.database.db
        .selectFrom("outbox_jobs")
        .select("kind")
        .where("dedupe_key", "=", `sms:${messages[0]?.id}`)
        .execute();
      expect(jobs).toEqual([{ kind: "sms.send" }]);
    }
    const mails = await mailTo(t, "liuyang@example.com");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("CA 数字证书到期提醒：刘洋的项目负责人锁将于2026年12月8日到期");
    expect(mails[0]?.body).toContain(`${holder.certificate.serial_number}）将于2026年12月8日（7 天后）到期`);
    expect(mails[0]?.body).toContain(`请登录 ${link} ，在【CA 管理】→【CA 延期年检】`);
    // The administrator has no address on file: SMS only.
    expect(await t.ctx.database.db.selectFrom("email_messages").select("id").execute()).toHaveLength(1);
  });

  it("tells the administrator alone when the key is bound to nobody, and nobody (no record) without either", async () => {
    const unbound = await buildMemberCertificate(t.ctx, enterprise, {
      holderName: "王强",
      notBefore: new Date(START.getTime() - 300 * DAY_MS),
      notAfter: expiringIn(clock, 30),
    });
    const alone = await buildCertificate(t.ctx, personalProfile({ categoryCode: "project_lead" }), {
      notBefore: new Date(START.getTime() - 300 * DAY_MS),
      notAfter: expiringIn(clock, 30),
    });
    const adminBefore = (await smsTo(t, admin.user.mobile)).length;
    expect(await t.ctx.expiryReminders.scan()).toMatchObject({ reminded: 1, sms: 1 });
    const adminMessages = await smsTo(t, admin.user.mobile);
    expect(adminMessages).toHaveLength(adminBefore + 1);
    expect(adminMessages.at(-1)?.content).toContain("王强的项目负责人锁将于2026年12月31日到期");
    expect(await stepsOf(t, unbound.certificate.id)).toEqual([30]);
    // Kept due: once its key is bound, its holder is told.
    expect(await stepsOf(t, alone.certificate.id)).toEqual([]);
  });

  it("reminds the administrator of the enterprise's main key once, though they are its holder too", async () => {
    const other = newEnterprise();
    const notAfter = expiringIn(clock, 1);
    const mainKey = await buildBoundToken(t.ctx, {
      profile: organizationProfile(other),
      notBefore: new Date(notAfter.getTime() - 365 * DAY_MS),
      notAfter,
    });
    await t.ctx.expiryReminders.scan();
    const messages = await smsTo(t, mainKey.user.mobile);
    expect(messages.map((m) => m.content)).toEqual([
      `【辽宁网联】${other.name}的单位(机构)主锁将于2026年12月2日到期，到期后将无法在各交易平台使用，请登录 ${t.ctx.config.publicOrigin}/center/ca 办理 CA 延期年检。`,
    ]);
  });

  it("skips certificates renewed, being renewed after payment, or revoked; an unpaid order does not stop it", async () => {
    const paid = await memberExpiringIn(7, "已付款");
    const unpaid = await memberExpiringIn(7, "未付款");
    const superseded = await memberExpiringIn(7, "已更新");
    const revoked = await memberExpiringIn(7, "已吊销");
    const order = (certificate: typeof paid.certificate, status: "paid" | "pending_payment") =>
      buildRenewalOrder(t.ctx, {
        enterpriseId: certificate.enterprise_id,
        userId: admin.user.id,
        identityId: admin.identityId,
        lines: [{ certificate, priceFen: 30_000 }],
        status,
      });
    await order(paid.certificate, "paid");
    await order(unpaid.certificate, "pending_payment");
    await t.ctx.database.transaction((trx) =>
      transition(trx, certificateMachine, { id: superseded.certificate.id, from: "active", to: "superseded" }),
    );
    await t.ctx.certificateAdmin.revoke(systemActor, revoked.certificate.id, "keyCompromise");

    await t.ctx.expiryReminders.scan();
    expect(await stepsOf(t, paid.certificate.id)).toEqual([]);
    expect(await stepsOf(t, unpaid.certificate.id)).toEqual([7]);
    expect(await stepsOf(t, superseded.certificate.id)).toEqual([]);
    expect(await stepsOf(t, revoked.certificate.id)).toEqual([]);
    expect(await smsTo(t, paid.user.mobile)).toEqual([]);
    expect(await smsTo(t, unpaid.user.mobile)).toHaveLength(1);
  });
});

describe(`expiry reminders: processes scanning at the same moment (${DB})`, () => {
  const clock = new TestClock(START);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, withCatalog: true });
  });
  afterAll(() => t?.close());

  it("sends each reminder once", async () => {
    const enterprise = newEnterprise();
    const admin = await buildBoundToken(t.ctx, { profile: organizationProfile(enterprise) });
    const holders = [];
    for (let i = 0; i < 12; i++) {
      const notAfter = expiringIn(clock, i % 2 === 0 ? 7 : 30);
      holders.push(
        await buildBoundToken(t.ctx, {
          profile: personalProfile({ categoryCode: "project_lead", enterprise }),
          notBefore: new Date(notAfter.getTime() - 365 * DAY_MS),
          notAfter,
        }),
      );
    }
    const results = await Promise.all([1, 2, 3, 4].map(() => t.ctx.expiryReminders.scan()));
    expect(results.reduce((sum, r) => sum + r.reminded, 0)).toBe(12);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    for (const holder of holders) expect(await smsTo(t, holder.user.mobile)).toHaveLength(1);
    const adminMessages = await smsTo(t, admin.user.mobile);
    expect(adminMessages).toHaveLength(12);
    expect(await t.ctx.database.db.selectFrom("expiry_reminders").select("certificate_id").execute()).toHaveLength(12);
  });

  it("reads due certificates page by page, past those with nobody to tell", async () => {
    const notAfter = expiringIn(clock, 1);
    const validity = { notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter };
    for (let i = 0; i < 5; i++) {
      await buildCertificate(t.ctx, personalProfile({ categoryCode: "project_lead" }), validity);
    }
    const holders = [];
    for (let i = 0; i < 3; i++) holders.push(await buildBoundToken(t.ctx, validity));
    const { ctx } = t;
    const scanner = new ExpiryReminderService({
      database: ctx.database,
      clock,
      logger: ctx.logger,
      sms: ctx.sms,
      mail: ctx.mail,
      stepsDays: ctx.config.expiryReminders.stepsDays,
      publicOrigin: ctx.config.publicOrigin,
      pageSize: 2,
    });
    expect(await scanner.scan()).toEqual({ reminded: 3, sms: 3, mail: 0, failed: 0 });
    for (const holder of holders) expect(await stepsOf(t, holder.certificate.id)).toEqual([1]);
  });
});
