import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode, expectError } from "../../../test/support/api-client";
import {
  buildBoundToken,
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
  type TestKey,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, caLogin, loginAndBind, sendSmsCode } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";

const MINUTE = 60_000;
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, withCatalog: true });
});
afterAll(() => t?.close());

/** A first CA login that must ask for binding; returns its ticket. */
async function ticketFor(key: TestKey, client = new ApiClient(t.app)): Promise<string> {
  const response = await caLogin(client, key);
  expect(response.json().status).toBe("binding_required");
  return response.json().bindingTicket;
}

/** The per-mobile SMS limit allows one code a minute; tests that reuse a mobile wait it out. */
const nextMinute = () => clock.advance(MINUTE + 1000);

async function bind(
  client: ApiClient,
  bindingTicket: string,
  details: { mobile: string; idNumber?: string; name?: string },
  smsCode?: string,
) {
  const code = smsCode ?? (await sendSmsCode(t, client, details.mobile, "bind"));
  return client.post("/api/v1/auth/bind", { bindingTicket, smsCode: code, ...details });
}

async function sessionOf(client: ApiClient) {
  const response = await client.get("/api/v1/auth/session");
  expect(response.statusCode).toBe(200);
  return response.json().user as {
    id: string;
    name: string;
    mobileMasked: string;
    identities: { id: string; role: string; enterpriseName: string | null; status: string }[];
    currentIdentityId: string | null;
  };
}

async function tokensBoundTo(userId: string) {
  return t.ctx.database.db.selectFrom("tokens").select("id").where("bound_user_id", "=", userId).execute();
}

describe("binding a main key (单位(机构)主锁)", () => {
  it("first login asks for binding; binding makes the enterprise's admin; the next login goes straight in", async () => {
    const enterprise = newEnterprise();
    const key = await issueKey(t.ctx, organizationProfile(enterprise));
    const client = new ApiClient(t.app);
    const mobile = nextMobile();
    const idNumber = makeResidentId(nextSeq());
    const bound = await loginAndBind(t, client, key, { mobile, idNumber, name: "张管理" });
    expect(bound.statusCode).toBe(200);
    expect(bound.json().status).toBe("logged_in");

    const user = await sessionOf(client);
    expect(user.name).toBe("张管理");
    expect(user.mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    expect(user.identities).toEqual([
      expect.objectContaining({ role: "admin", enterpriseName: enterprise.name, status: "active" }),
    ]);
    expect(user.currentIdentityId).toBe(user.identities[0]?.id);

    const again = new ApiClient(t.app);
    const second = await caLogin(again, key);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: "logged_in", user: { id: user.id } });
    expect((await sessionOf(again)).currentIdentityId).toBe(user.currentIdentityId);
  });

  it("one person administering two enterprises: each main key signs in as that enterprise's administrator", async () => {
    const [first, second] = [newEnterprise(), newEnterprise()];
    const [firstKey, secondKey] = [
      await issueKey(t.ctx, organizationProfile(first)),
      await issueKey(t.ctx, organizationProfile(second)),
    ];
    const admin = { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "周双管" };
    await boundUser(t, firstKey, admin);
    nextMinute();
    await boundUser(t, secondKey, admin);
    for (const [key, enterprise] of [
      [secondKey, second],
      [firstKey, first],
      [secondKey, second],
    ] as const) {
      const client = new ApiClient(t.app);
      expect((await caLogin(client, key)).json().status).toBe("logged_in");
      const user = await sessionOf(client);
      expect(user.identities.map((i) => i.enterpriseName).sort()).toEqual([first.name, second.name].sort());
      const current = user.identities.find((i) => i.id === user.currentIdentityId);
      expect(current).toMatchObject({ role: "admin", enterpriseName: enterprise.name });
    }
  });

  it("needs the administrator's name and a valid resident ID number", async () => {
    const key = await issueKey(t.ctx, organizationProfile(newEnterprise()));
    const client = new ApiClient(t.app);
    const ticket = await ticketFor(key, client);
    const mobile = nextMobile();
    const code = await sendSmsCode(t, client, mobile, "bind");
    const valid = makeResidentId(nextSeq());
    const wrongCheckDigit = valid.slice(0, 17) + (valid.endsWith("0") ? "1" : "0");
    expectError(
      await bind(client, ticket, { mobile, idNumber: wrongCheckDigit, name: "李" }, code),
      400,
      "ID_NUMBER_INVALID",
    );
    expectError(
      await bind(client, ticket, { mobile, idNumber: "21010219991340001X", name: "李" }, code),
      400,
      "ID_NUMBER_INVALID",
    );
    expectError(await bind(client, ticket, { mobile, name: "李" }, code), 400, "ID_NUMBER_INVALID");
    expectError(await bind(client, ticket, { mobile, idNumber: valid }, code), 400, "VALIDATION_FAILED");
    // Nothing was spent: the same ticket and code still bind.
    expect((await bind(client, ticket, { mobile, idNumber: valid, name: "李" }, code)).statusCode).toBe(200);
  });

  it("a second main key of the same enterprise: another person → ENTERPRISE_HAS_ADMIN; the admin → same account", async () => {
    const enterprise = newEnterprise();
    const first = await issueKey(t.ctx, organizationProfile(enterprise));
    const second = await issueKey(t.ctx, organizationProfile(enterprise));
    const admin = { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "王管理" };
    const adminClient = await boundUser(t, first, admin);
    const adminUser = await sessionOf(adminClient);

    const other = { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "赵其他" };
    const client = new ApiClient(t.app);
    const ticket = await ticketFor(second, client);
    expectError(await bind(client, ticket, other), 409, "ENTERPRISE_HAS_ADMIN");
    // The refused person got no account.
    const account = await t.ctx.database.db
      .selectFrom("users")
      .select("id")
      .where("mobile", "=", other.mobile)
      .executeTakeFirst();
    expect(account).toBeUndefined();

    nextMinute();
    const byAdmin = await bind(client, ticket, admin);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().user.id).toBe(adminUser.id);
    expect(await tokensBoundTo(adminUser.id)).toHaveLength(2);
    expect((await sessionOf(client)).identities.filter((i) => i.role === "admin")).toHaveLength(1);
  });
});

describe("binding a personal key", () => {
  it("binds its holder's mobile: the account is the certificate's person, in the certificate's role", async () => {
    const enterprise = newEnterprise();
    const profile = personalProfile({ categoryCode: "authorized_agent", enterprise, holderName: "刘委托" });
    const key = await issueKey(t.ctx, profile);
    const client = new ApiClient(t.app);
    const response = await loginAndBind(t, client, key, { mobile: nextMobile() });
    expect(response.statusCode).toBe(200);
    const user = await sessionOf(client);
    expect(user.name).toBe("刘委托");
    expect(user.identities).toEqual([
      expect.objectContaining({ role: "authorized_agent", enterpriseName: enterprise.name }),
    ]);
    const row = await t.ctx.database.db
      .selectFrom("users")
      .select(["id_number_hash", "id_number_sealed"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    // Kept sealed (issue 9, personal information at rest): the certificate's number, never in the plain.
    expect(row.id_number_hash).toBe(t.ctx.vault.lookupHash("id_number", profile.idNumber as string));
    expect(t.ctx.vault.openIdNumber(row.id_number_sealed as string)).toBe(profile.idNumber);
  });

  it("a personal key of no enterprise role gives an individual identity", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "cost_engineer" }));
    const client = await boundUser(t, key, { mobile: nextMobile() });
    expect((await sessionOf(client)).identities.map((i) => i.role)).toEqual(["individual"]);
  });

  it("one person with two keys has one account holding both", async () => {
    const idNumber = makeResidentId(nextSeq());
    const mobile = nextMobile();
    const lead = await issueKey(
      t.ctx,
      personalProfile({ categoryCode: "project_lead", idNumber, holderName: "陈一", enterprise: newEnterprise() }),
    );
    const agent = await issueKey(
      t.ctx,
      personalProfile({ categoryCode: "authorized_agent", idNumber, holderName: "陈一", enterprise: newEnterprise() }),
    );
    const firstUser = await sessionOf(await boundUser(t, lead, { mobile }));
    nextMinute();
    const client = await boundUser(t, agent, { mobile });
    const user = await sessionOf(client);
    expect(user.id).toBe(firstUser.id);
    expect(user.identities.map((i) => i.role).sort()).toEqual(["authorized_agent", "project_lead"]);
    expect(await tokensBoundTo(user.id)).toHaveLength(2);
    // Either key now logs straight into that account.
    for (const key of [lead, agent]) {
      expect((await caLogin(new ApiClient(t.app), key)).json()).toMatchObject({
        status: "logged_in",
        user: { id: user.id },
      });
    }
  });
});

describe("one key, one person, one account", () => {
  it("a key bound to one account cannot be bound to another: TOKEN_ALREADY_BOUND", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: newEnterprise() }));
    const firstTicket = await ticketFor(key);
    const secondTicket = await ticketFor(key);
    const first = new ApiClient(t.app);
    expect((await bind(first, firstTicket, { mobile: nextMobile() })).statusCode).toBe(200);
    expectError(await bind(new ApiClient(t.app), secondTicket, { mobile: nextMobile() }), 409, "TOKEN_ALREADY_BOUND");
    // And the key still logs into the first account.
    const firstUser = await sessionOf(first);
    expect((await caLogin(new ApiClient(t.app), key)).json()).toMatchObject({ user: { id: firstUser.id } });
  });

  it("a mobile already used by another ID number: MOBILE_BOUND_TO_OTHER_PERSON", async () => {
    const mobile = nextMobile();
    await buildBoundToken(t.ctx, { user: { mobile } });
    const someoneElse = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    nextMinute();
    expectError(
      await bind(new ApiClient(t.app), await ticketFor(someoneElse), { mobile }),
      409,
      "MOBILE_BOUND_TO_OTHER_PERSON",
    );

    // A main key bound with another person's ID on an existing mobile is refused the same way.
    const mainKey = await issueKey(t.ctx, organizationProfile(newEnterprise()));
    nextMinute();
    const details = { mobile, idNumber: makeResidentId(nextSeq()), name: "冒用" };
    expectError(
      await bind(new ApiClient(t.app), await ticketFor(mainKey), details),
      409,
      "MOBILE_BOUND_TO_OTHER_PERSON",
    );
  });

  it("an ID number already on another mobile's account: ID_NUMBER_BOUND_TO_OTHER_ACCOUNT", async () => {
    const idNumber = makeResidentId(nextSeq());
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", idNumber, holderName: "周" }));
    await boundUser(t, key, { mobile: nextMobile() });
    const sameHolder = await issueKey(
      t.ctx,
      personalProfile({ categoryCode: "cost_engineer", idNumber, holderName: "周" }),
    );
    const ticket = await ticketFor(sameHolder);
    expectError(
      await bind(new ApiClient(t.app), ticket, { mobile: nextMobile() }),
      409,
      "ID_NUMBER_BOUND_TO_OTHER_ACCOUNT",
    );

    // Main key: the administrator's ID number is someone's account already, under another mobile.
    const mainKey = await issueKey(t.ctx, organizationProfile(newEnterprise()));
    const details = { mobile: nextMobile(), idNumber, name: "周" };
    expectError(
      await bind(new ApiClient(t.app), await ticketFor(mainKey), details),
      409,
      "ID_NUMBER_BOUND_TO_OTHER_ACCOUNT",
    );
  });
});

describe("binding tickets and SMS codes", () => {
  it("a wrong code is SMS_CODE_INVALID; after five wrong tries even the right one is refused", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const client = new ApiClient(t.app);
    const ticket = await ticketFor(key, client);
    const mobile = nextMobile();
    const code = await sendSmsCode(t, client, mobile, "bind");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expectError(await bind(client, ticket, { mobile }, wrong), 400, "SMS_CODE_INVALID");
    expectError(await bind(client, ticket, { mobile }, code), 429, "SMS_CODE_TOO_MANY_ATTEMPTS");
    // A new code (after the resend wait) works with the same ticket.
    nextMinute();
    expect((await bind(client, ticket, { mobile })).statusCode).toBe(200);
  });

  it("a code for another purpose or mobile does not bind", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const client = new ApiClient(t.app);
    const ticket = await ticketFor(key, client);
    const mobile = nextMobile();
    const otherMobile = nextMobile();
    const codeForOther = await sendSmsCode(t, client, otherMobile, "bind");
    expectError(await bind(client, ticket, { mobile }, codeForOther), 400, "SMS_CODE_INVALID");
  });

  it("an expired code is SMS_CODE_EXPIRED", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const client = new ApiClient(t.app);
    const ticket = await ticketFor(key, client);
    const mobile = nextMobile();
    const code = await sendSmsCode(t, client, mobile, "bind");
    clock.advance(5 * MINUTE + 1000);
    expectError(await bind(client, ticket, { mobile }, code), 400, "SMS_CODE_EXPIRED");
  });

  it("an unknown, used or expired ticket is BINDING_TICKET_INVALID", async () => {
    const client = new ApiClient(t.app);
    expectError(await bind(client, "no-such-ticket", { mobile: nextMobile() }), 400, "BINDING_TICKET_INVALID");

    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const ticket = await ticketFor(key, client);
    const mobile = nextMobile();
    expect((await bind(client, ticket, { mobile })).statusCode).toBe(200);
    nextMinute();
    expectError(await bind(new ApiClient(t.app), ticket, { mobile }), 400, "BINDING_TICKET_INVALID");

    const late = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const lateTicket = await ticketFor(late);
    clock.advance(15 * MINUTE + 1000);
    expectError(await bind(new ApiClient(t.app), lateTicket, { mobile: nextMobile() }), 400, "BINDING_TICKET_INVALID");
  });
});

describe("races: the rules hold when two requests arrive at once", () => {
  /** Two binds prepared up to the last step (tickets and SMS codes), then sent together. */
  async function bindTogether(
    pairs: { key: TestKey; details: { mobile: string; idNumber?: string; name?: string } }[],
  ) {
    const prepared = [];
    for (const { key, details } of pairs) {
      const client = new ApiClient(t.app);
      const ticket = await ticketFor(key, client);
      const code = await sendSmsCode(t, client, details.mobile, "bind");
      prepared.push({ client, ticket, code, details });
    }
    const responses = await Promise.all(prepared.map((p) => bind(p.client, p.ticket, p.details, p.code)));
    return responses.map((r) => ({ status: r.statusCode, code: errorCode(r) ?? null }));
  }

  const sorted = (outcomes: { status: number; code: string | null }[]) =>
    [...outcomes].sort((a, b) => a.status - b.status);

  it("one key bound by two people at once: one wins, the other gets TOKEN_ALREADY_BOUND", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const outcomes = await bindTogether([
      { key, details: { mobile: nextMobile() } },
      { key, details: { mobile: nextMobile() } },
    ]);
    // The key's row is locked first, so the loser always learns the key is taken.
    const [winner, loser] = sorted(outcomes);
    expect(winner).toEqual({ status: 200, code: null });
    expect(loser).toEqual({ status: 409, code: "TOKEN_ALREADY_BOUND" });
    const token = await t.ctx.database.db
      .selectFrom("tokens")
      .innerJoin("certificates", "certificates.token_id", "tokens.id")
      .select("tokens.bound_user_id")
      .where("certificates.serial_number", "=", key.serialNumber)
      .executeTakeFirstOrThrow();
    expect(token.bound_user_id).not.toBeNull();
  });

  it("two main keys of one enterprise bound by two people at once: one admin, the other ENTERPRISE_HAS_ADMIN", async () => {
    const enterprise = newEnterprise();
    const outcomes = await bindTogether([
      {
        key: await issueKey(t.ctx, organizationProfile(enterprise)),
        details: { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "甲" },
      },
      {
        key: await issueKey(t.ctx, organizationProfile(enterprise)),
        details: { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "乙" },
      },
    ]);
    const [winner, loser] = sorted(outcomes);
    expect(winner).toEqual({ status: 200, code: null });
    expect(loser?.status).toBe(409);
    expect(["ENTERPRISE_HAS_ADMIN", "STATE_CONFLICT"]).toContain(loser?.code);
    const admins = await t.ctx.database.db
      .selectFrom("identities")
      .innerJoin("enterprises", "enterprises.id", "identities.enterprise_id")
      .select("identities.user_id")
      .where("enterprises.uscc", "=", enterprise.uscc)
      .where("identities.role", "=", "admin")
      .execute();
    expect(admins).toHaveLength(1);
  });

  it("one new person binding two keys at once: one account, never a 500", async () => {
    const idNumber = makeResidentId(nextSeq());
    const keys = await Promise.all(
      ["project_lead", "authorized_agent"].map((categoryCode) =>
        issueKey(t.ctx, personalProfile({ categoryCode, idNumber, holderName: "同一人", enterprise: newEnterprise() })),
      ),
    );
    const mobile = nextMobile();
    const first = await ticketFor(keys[0] as TestKey);
    const second = await ticketFor(keys[1] as TestKey);
    const client = new ApiClient(t.app);
    const code = await sendSmsCode(t, client, mobile, "bind");
    const outcomes = await Promise.all([first, second].map((ticket) => bind(client, ticket, { mobile }, code)));
    const statuses = outcomes.map((r) => r.statusCode).sort();
    // The one code is single use: one bind wins, the other is refused with a code (never a crash).
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBeLessThan(500);
    const users = await t.ctx.database.db.selectFrom("users").select("id").where("mobile", "=", mobile).execute();
    expect(users).toHaveLength(1);
  });
});
