import { isValidResidentId } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectError, staffClient, uploadFile } from "../../../test/support/api-client";
import {
  buildBoundToken,
  buildUser,
  completeProfile,
  exeBytes,
  htmlBytes,
  jpegBytes,
  pdfBytes,
  pngBytes,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { latestSmsCode, sendSmsCode } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";

const MINUTE = 60_000;
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, withCatalog: true });
});
afterAll(() => t?.close());

/** A person with an account, signed in through an SMS login; the client holds the session. */
async function signedInPerson() {
  const { user } = await buildBoundToken(t.ctx);
  const client = new ApiClient(t.app);
  const smsCode = await sendSmsCode(t, client, user.mobile, "login");
  const login = await client.post("/api/v1/auth/sms-login", { mobile: user.mobile, smsCode });
  expect(login.statusCode).toBe(200);
  clock.advance(MINUTE);
  return { client, user };
}

const upload = (client: ApiClient, side: "front" | "back", bytes: Buffer, name: string, type?: string) =>
  uploadFile(client, `/api/v1/me/id-scans/${side}`, bytes, name, type);

const valid = () => ({ name: "张三", idNumber: makeResidentId(nextSeq()), email: "zhangsan@example.com" });

async function auditRows(action: string) {
  return t.ctx.database.db.selectFrom("audit_log").selectAll().where("action", "=", action).execute();
}

describe("personal information (个人中心 →【编辑个人信息】)", () => {
  it("a new account reads 未完善 and lists exactly what is missing; its owner sees the full mobile", async () => {
    const { client, user } = await signedInPerson();
    const response = await client.get("/api/v1/me/profile");
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(profile.status).toBe("incomplete");
    expect(profile.mobile).toBe(user.mobile);
    // The key's certificate gave the ID number; 用户N is not a name a person has.
    expect(profile.missing).toEqual(["name", "email", "idCardFront", "idCardBack"]);
    expect(profile.idNumber).toBe(user.idNumber);
  });

  it("refuses each invalid field with its own code, in zh-CN", async () => {
    const { client } = await signedInPerson();
    const put = (body: object) => client.request("PUT", "/api/v1/me/profile", { ...valid(), ...body });
    expectError(await put({ name: "张" }), 400, "NAME_INVALID");
    expectError(await put({ name: "张3" }), 400, "NAME_INVALID");
    const body = makeResidentId(nextSeq()).slice(0, 17);
    const wrongCheck = `${body}${body.endsWith("0") ? "1" : "0"}`;
    expect(isValidResidentId(wrongCheck)).toBe(false);
    const wrong = await put({ idNumber: wrongCheck });
    expectError(wrong, 400, "ID_NUMBER_INVALID");
    expect(wrong.json().error.message).toBe("身份证号码不正确");
    // 13th month: not a birth date.
    expectError(await put({ idNumber: "21010219991340001X" }), 400, "ID_NUMBER_INVALID");
    expectError(await put({ email: "not-an-email" }), 400, "EMAIL_INVALID");
    expectError(await put({ email: 5 }), 400, "VALIDATION_FAILED");
  });

  it("with every field and both scans it reads 已完善, in the profile and in the session", async () => {
    const { client } = await signedInPerson();
    const fields = valid();
    let profile = (await client.request("PUT", "/api/v1/me/profile", fields)).json();
    expect(profile.missing).toEqual(["idCardFront", "idCardBack"]);
    expect((await upload(client, "front", pngBytes(), "front.png", "image/png")).statusCode).toBe(200);
    const last = await upload(client, "back", jpegBytes(), "back.jpg", "image/jpeg");
    expect(last.statusCode).toBe(200);
    profile = last.json();
    expect(profile).toMatchObject({ status: "complete", missing: [], name: "张三", idNumber: fields.idNumber });
    expect(profile.idScans.back).toMatchObject({ mediaType: "image/jpeg" });
    expect((await client.get("/api/v1/auth/session")).json().user.profileComplete).toBe(true);
    // Taking a field away makes it 未完善 again, naming it.
    profile = (await client.request("PUT", "/api/v1/me/profile", { ...fields, email: "" })).json();
    expect(profile).toMatchObject({ status: "incomplete", missing: ["email"] });
    expect((await client.get("/api/v1/auth/session")).json().user.profileComplete).toBe(false);
  });

  it("keeps the ID number sealed at rest and shows it masked to anyone but its owner", async () => {
    const { client, user } = await signedInPerson();
    const fields = valid();
    await client.request("PUT", "/api/v1/me/profile", fields);
    const row = await t.ctx.database.db
      .selectFrom("users")
      .select(["id_number_hash", "id_number_sealed"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.id_number_hash).not.toContain(fields.idNumber);
    expect(row.id_number_sealed).not.toContain(fields.idNumber);
    expect(row.id_number_sealed).not.toContain(fields.idNumber.slice(6, 14));
    expect(t.ctx.vault.openIdNumber(row.id_number_sealed as string)).toBe(fields.idNumber);
    const asStaff = await t.ctx.profiles.view(
      t.ctx.database.db,
      { kind: "staff", staffId: "s", role: "reviewer" },
      await t.ctx.database.db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow(),
    );
    expect(asStaff.idNumber).toBeNull();
    expect(asStaff.idNumberMasked).toBe(`${fields.idNumber.slice(0, 4)}**********${fields.idNumber.slice(14)}`);
    // The audit row names the fields that changed, never their values.
    const audit = (await auditRows("user.profile_updated")).find((r) => r.entity_id === user.id);
    expect(audit?.data).toContain("idNumber");
    expect(audit?.data).not.toContain(fields.idNumber);
  });

  it("one account per ID number: another account's number is refused, as in binding", async () => {
    const other = await buildUser(t.ctx);
    const { client } = await signedInPerson();
    const response = await client.request("PUT", "/api/v1/me/profile", { ...valid(), idNumber: other.idNumber });
    expectError(response, 409, "ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
  });

  it("two accounts saving the same ID number at once: exactly one keeps it", async () => {
    const [a, b] = await Promise.all([signedInPerson(), signedInPerson()]);
    const fields = valid();
    const answers = await Promise.all([a, b].map(({ client }) => client.request("PUT", "/api/v1/me/profile", fields)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error.code).toBe("ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
  });
});

describe("ID-card scans", () => {
  it("refuses what is not a JPG, PNG or PDF by its bytes, whatever its name says", async () => {
    const { client } = await signedInPerson();
    expectError(await upload(client, "front", exeBytes(), "scan.png", "image/png"), 415, "FILE_TYPE_NOT_ALLOWED");
    expectError(
      await upload(client, "front", htmlBytes(), "scan.pdf", "application/pdf"),
      415,
      "FILE_TYPE_NOT_ALLOWED",
    );
    expectError(await upload(client, "front", Buffer.alloc(0), "empty.png"), 400, "FILE_REQUIRED");
    const big = Buffer.concat([pngBytes(), Buffer.alloc(5 * 1024 * 1024)]);
    expectError(await upload(client, "front", big, "big.png", "image/png"), 413, "FILE_TOO_LARGE");
    expectError(await client.request("POST", "/api/v1/me/id-scans/front", {}), 400, "FILE_REQUIRED");
    expectError(await upload(client, "side" as "front", pngBytes(), "a.png"), 400, "VALIDATION_FAILED");
    // Broken multipart bodies are answered with a code, never a 500.
    const broken = [{ "content-type": "multipart/form-data" }, { "content-type": "multipart/form-data; boundary=xyz" }];
    for (const headers of broken) {
      const response = await client.request("POST", "/api/v1/me/id-scans/front", undefined, {
        headers,
        rawBody: Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc'),
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.code).toMatch(/^[A-Z_]+$/);
    }
    expect((await client.get("/api/v1/me/profile")).json().idScans).toEqual({ front: null, back: null });
  });

  it("stores a scan sealed, serves it only as a download to its owner and reviewers, and audits each view", async () => {
    const { client, user } = await signedInPerson();
    const pdf = pdfBytes();
    expect((await upload(client, "back", pdf, "back.pdf", "application/pdf")).statusCode).toBe(200);
    const file = await t.ctx.database.db
      .selectFrom("files")
      .selectAll()
      .where("uploaded_by_user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ media_type: "application/pdf", sealed: 1, purpose: "id_card_back" });
    const stored = Buffer.from((await t.ctx.adapters.storage.get(file.sha256)) as Uint8Array);
    expect(stored.includes(Buffer.from("%PDF"))).toBe(false);

    const viewsBefore = (await auditRows("user.id_scan_viewed")).length;
    const own = await client.get("/api/v1/me/id-scans/back");
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect(own.headers["content-disposition"]).toBe('attachment; filename="id-card-back.pdf"');
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.rawPayload.equals(pdf)).toBe(true);
    expectError(await client.get("/api/v1/me/id-scans/front"), 404, "ID_SCAN_NOT_FOUND");

    const reviewer = await staffClient(t, "reviewer");
    const reviewed = await reviewer.get(`/api/v1/console/users/${user.id}/id-scans/back`);
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.rawPayload.equals(pdf)).toBe(true);
    const operator = await staffClient(t, "operator");
    expectError(await operator.get(`/api/v1/console/users/${user.id}/id-scans/back`), 403, "FORBIDDEN");
    expectError(
      await reviewer.get("/api/v1/console/users/00000000-0000-4000-8000-000000000000/id-scans/back"),
      404,
      "USER_NOT_FOUND",
    );

    const views = (await auditRows("user.id_scan_viewed")).slice(viewsBefore);
    expect(views.map((v) => [v.actor_kind, JSON.parse(v.data).userId, JSON.parse(v.data).side])).toEqual([
      ["user", user.id, "back"],
      ["staff", user.id, "back"],
    ]);
  });

  it("both sides uploaded at the same moment still read 已完善 (each change settles the status after its write)", async () => {
    const { client } = await signedInPerson();
    await client.request("PUT", "/api/v1/me/profile", valid());
    const answers = await Promise.all([
      upload(client, "front", pngBytes(), "front.png"),
      upload(client, "back", pdfBytes(), "back.pdf"),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await client.get("/api/v1/me/profile")).json()).toMatchObject({ status: "complete", missing: [] });
    expect((await client.get("/api/v1/auth/session")).json().user.profileComplete).toBe(true);
  });

  it("the completeProfile factory makes a profile that reads 已完善", async () => {
    const user = await buildUser(t.ctx);
    await completeProfile(t.ctx, user.id);
    const profile = await t.ctx.profiles.read({ kind: "user", userId: user.id }, user.id);
    expect(profile.status).toBe("complete");
  });
});

describe("changing the bound mobile (SMS to the new mobile)", () => {
  it("sends a code to the new mobile, switches on the right code, and the new mobile signs in", async () => {
    const { client, user } = await signedInPerson();
    const newMobile = nextMobile();
    expectError(await client.post("/api/v1/me/mobile-change/code", { mobile: user.mobile }), 400, "MOBILE_UNCHANGED");
    expectError(await client.post("/api/v1/me/mobile-change/code", { mobile: "12345" }), 400, "MOBILE_INVALID");
    expect((await client.post("/api/v1/me/mobile-change/code", { mobile: newMobile })).statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, newMobile);
    const wrong = code === "000000" ? "111111" : "000000";
    expectError(
      await client.post("/api/v1/me/mobile-change", { mobile: newMobile, smsCode: wrong }),
      400,
      "SMS_CODE_INVALID",
    );
    const changed = await client.post("/api/v1/me/mobile-change", { mobile: newMobile, smsCode: code });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mobile).toBe(newMobile);
    // Spent: the same code does not switch twice.
    expectError(
      await client.post("/api/v1/me/mobile-change", { mobile: newMobile, smsCode: code }),
      400,
      "MOBILE_UNCHANGED",
    );
    const audit = (await auditRows("user.mobile_changed")).find((r) => r.entity_id === user.id);
    expect(audit?.data).not.toContain(newMobile);

    clock.advance(MINUTE);
    const again = new ApiClient(t.app);
    const loginCode = await sendSmsCode(t, again, newMobile, "login");
    expect((await again.post("/api/v1/auth/sms-login", { mobile: newMobile, smsCode: loginCode })).statusCode).toBe(
      200,
    );
  });

  it("refuses a mobile another person uses, before sending and at the switch", async () => {
    const other = await buildUser(t.ctx);
    const { client } = await signedInPerson();
    expectError(
      await client.post("/api/v1/me/mobile-change/code", { mobile: other.mobile }),
      409,
      "MOBILE_BOUND_TO_OTHER_PERSON",
    );
    // Free when the code is sent, taken by someone else before the switch.
    const contested = nextMobile();
    expect((await client.post("/api/v1/me/mobile-change/code", { mobile: contested })).statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, contested);
    await buildUser(t.ctx, { mobile: contested });
    expectError(
      await client.post("/api/v1/me/mobile-change", { mobile: contested, smsCode: code }),
      409,
      "MOBILE_BOUND_TO_OTHER_PERSON",
    );
  });

  it("two accounts switching to the same mobile at once: exactly one gets it", async () => {
    const [a, b] = await Promise.all([signedInPerson(), signedInPerson()]);
    const mobile = nextMobile();
    expect((await a.client.post("/api/v1/me/mobile-change/code", { mobile })).statusCode).toBe(200);
    clock.advance(MINUTE);
    expect((await b.client.post("/api/v1/me/mobile-change/code", { mobile })).statusCode).toBe(200);
    // Whoever holds the mobile reads the latest code; both sessions try it at the same moment.
    const code = await latestSmsCode(t.ctx, mobile);
    const answers = await Promise.all(
      [a, b].map(({ client }) => client.post("/api/v1/me/mobile-change", { mobile, smsCode: code })),
    );
    expect(answers.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1);
    const loser = answers.find((r) => r.statusCode !== 200);
    expect(["SMS_CODE_INVALID", "MOBILE_BOUND_TO_OTHER_PERSON"]).toContain(loser?.json().error.code);
    const holders = await t.ctx.database.db.selectFrom("users").select("id").where("mobile", "=", mobile).execute();
    expect(holders).toHaveLength(1);
  });
});
