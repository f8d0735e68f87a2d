import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectError } from "../../../test/support/api-client";
import { buildBoundToken, exeBytes, jpegBytes, pngBytes } from "../../../test/support/factories";
import { nextSeq } from "../../../test/support/identifiers";
import { sendSmsCode } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import type { LicenceFields, LicenceRecognizer } from "../../adapters/recognition/licence-recognizer";

const FIELDS: LicenceFields = {
  name: "辽宁盛华科技有限公司",
  uscc: "91350100M000100Y43",
  legalRepresentative: "王演示",
  registeredCapital: "伍佰万元整",
  address: "辽宁省沈阳市和平区南京北街123号",
  companyType: "有限责任公司（自然人投资或控股）",
  establishedOn: "2015年03月18日",
};

/** Stands in for the OCR (its own tests read real pictures): answers FIELDS, or fails when told to. */
class FakeRecognizer implements LicenceRecognizer {
  readonly name = "fake";
  calls = 0;
  failing = false;
  async recognise(): Promise<LicenceFields> {
    this.calls++;
    if (this.failing) throw new Error("model crashed");
    return FIELDS;
  }
}

const recognizer = new FakeRecognizer();
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, withCatalog: true, recognizer });
});
afterAll(() => t?.close());

async function signedInPerson(): Promise<ApiClient> {
  const { user } = await buildBoundToken(t.ctx);
  const client = new ApiClient(t.app);
  const smsCode = await sendSmsCode(t, client, user.mobile, "login");
  expect((await client.post("/api/v1/auth/sms-login", { mobile: user.mobile, smsCode })).statusCode).toBe(200);
  return client;
}

function multipart(bytes: Buffer, fileName: string, type = "application/octet-stream") {
  const boundary = `----lnca${nextSeq()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    rawBody: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const recognise = (client: ApiClient, bytes: Buffer, name: string, type?: string) =>
  client.request("POST", "/api/v1/licence-recognitions", undefined, multipart(bytes, name, type));

describe("POST /api/v1/licence-recognitions", () => {
  it("answers the seven fields read from a JPG or PNG licence", async () => {
    const client = await signedInPerson();
    const png = await recognise(client, pngBytes(), "licence.png", "image/png");
    expect(png.statusCode).toBe(200);
    expect(png.json()).toEqual({ fields: FIELDS });
    expect((await recognise(client, jpegBytes(), "licence.jpg", "image/jpeg")).statusCode).toBe(200);
  });

  it("refuses by the bytes, not the name: a renamed executable, no file, an empty file", async () => {
    const client = await signedInPerson();
    const before = recognizer.calls;
    const exe = await recognise(client, exeBytes(), "licence.jpg", "image/jpeg");
    expectError(exe, 415, "LICENCE_IMAGE_TYPE_NOT_ALLOWED");
    expect(exe.json().error.message).toBe("营业执照图片格式不符合要求，仅支持 JPG、PNG");
    expectError(await recognise(client, Buffer.alloc(0), "empty.png"), 415, "LICENCE_IMAGE_TYPE_NOT_ALLOWED");
    expectError(await client.request("POST", "/api/v1/licence-recognitions", {}), 400, "FILE_REQUIRED");
    expect(recognizer.calls).toBe(before);
  });

  it("needs a signed-in portal user", async () => {
    expectError(await recognise(new ApiClient(t.app), pngBytes(), "licence.png"), 401, "UNAUTHENTICATED");
  });

  it("a recognizer that fails is answered 503 LICENCE_RECOGNITION_UNAVAILABLE, never a 500", async () => {
    const client = await signedInPerson();
    recognizer.failing = true;
    try {
      const response = await recognise(client, pngBytes(), "licence.png", "image/png");
      expectError(response, 503, "LICENCE_RECOGNITION_UNAVAILABLE");
    } finally {
      recognizer.failing = false;
    }
  });

  it("limits each person to 10 recognitions a minute", async () => {
    const client = await signedInPerson();
    for (let i = 0; i < 10; i++) {
      expect((await recognise(client, pngBytes(), "licence.png", "image/png")).statusCode).toBe(200);
    }
    expectError(
      await recognise(client, pngBytes(), "licence.png", "image/png"),
      429,
      "LICENCE_RECOGNITION_RATE_LIMITED",
    );
    clock.advance(61_000);
    expect((await recognise(client, pngBytes(), "licence.png", "image/png")).statusCode).toBe(200);
  });

  it("holds the limit when a person's recognitions arrive at once: 10 read, the rest refused", async () => {
    const client = await signedInPerson();
    const before = recognizer.calls;
    const responses = await Promise.all(
      Array.from({ length: 14 }, () => recognise(client, pngBytes(), "licence.png", "image/png")),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(10);
    for (const refused of responses.filter((r) => r.statusCode !== 200))
      expectError(refused, 429, "LICENCE_RECOGNITION_RATE_LIMITED");
    expect(recognizer.calls - before).toBe(10);
  });
});
