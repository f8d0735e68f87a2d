import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rpcSignature } from "./aliyun-rpc-signature";
import {
  FAKE_ALIYUN_ACCESS_KEY_ID,
  FAKE_ALIYUN_ACCESS_KEY_SECRET,
  type FakeAliyunSmsGateway,
  startFakeAliyunSmsGateway,
} from "./fake-aliyun-sms-gateway";

/** A SendSms request signed by hand, as the documentation describes, so each field can be bent on purpose. */
function signedParams(overrides: Record<string, string> = {}, method = "POST"): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: FAKE_ALIYUN_ACCESS_KEY_ID,
    Action: "SendSms",
    Format: "JSON",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: randomUUID(),
    SignatureVersion: "1.0",
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    Version: "2017-05-25",
    PhoneNumbers: "13912345678",
    SignName: "辽宁网联",
    TemplateCode: "SMS_465000123",
    TemplateParam: '{"code":"482913"}',
    OutId: "sms_1",
    ...overrides,
  };
  return { ...params, Signature: rpcSignature(method, params, FAKE_ALIYUN_ACCESS_KEY_SECRET) };
}

async function post(gateway: FakeAliyunSmsGateway, params: Record<string, string>) {
  const response = await fetch(`${gateway.url}/`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("fake Aliyun SMS gateway", () => {
  let gateway: FakeAliyunSmsGateway;
  beforeEach(async () => {
    gateway = await startFakeAliyunSmsGateway();
  });
  afterEach(() => gateway.close());

  it("accepts a correctly signed POST and records it", async () => {
    const { status, body } = await post(gateway, signedParams());
    expect(status).toBe(200);
    expect(body).toMatchObject({ Code: "OK", Message: "OK", BizId: expect.any(String), RequestId: expect.any(String) });
    expect(gateway.received).toEqual([
      {
        phoneNumbers: ["13912345678"],
        signName: "辽宁网联",
        templateCode: "SMS_465000123",
        templateParam: { code: "482913" },
        outId: "sms_1",
      },
    ]);
  });

  it("accepts a correctly signed GET, signed with GET", async () => {
    const query = new URLSearchParams(signedParams({}, "GET"));
    const response = await fetch(`${gateway.url}/?${query}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ Code: "OK" });
  });

  it("rejects a replayed nonce", async () => {
    const params = signedParams();
    expect((await post(gateway, params)).body.Code).toBe("OK");

    const replay = await post(gateway, params);
    expect(replay.status).toBe(400);
    expect(replay.body.Code).toBe("SignatureNonceUsed");
    expect(gateway.received).toHaveLength(1);
  });

  it("rejects a tampered request as SignatureDoesNotMatch, echoing its string to sign like Aliyun", async () => {
    const params = { ...signedParams(), PhoneNumbers: "13800000000" };
    const { status, body } = await post(gateway, params);
    expect(status).toBe(400);
    expect(body.Code).toBe("SignatureDoesNotMatch");
    expect(body.Message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&/,
    );
    expect(gateway.received).toEqual([]);
  });

  it("does not let a forged request burn a nonce", async () => {
    const params = signedParams();
    expect((await post(gateway, { ...params, Signature: "forged" })).body.Code).toBe("SignatureDoesNotMatch");
    expect((await post(gateway, params)).body.Code).toBe("OK");
  });

  it.each([
    [{ Timestamp: new Date(Date.now() - 16 * 60_000).toISOString() }, 400, "InvalidTimeStamp.Expired"],
    [{ Timestamp: "yesterday" }, 400, "InvalidTimeStamp.Format"],
    [{ Version: "2016-09-27" }, 400, "InvalidVersion"],
    [{ Action: "QuerySendDetails" }, 404, "InvalidAction.NotFound"],
    [{ SignatureMethod: "HMAC-SHA256" }, 400, "InvalidParameter"],
    [{ SignatureVersion: "2.0" }, 400, "InvalidParameter"],
    [{ AccessKeyId: "LTAI5tSomeoneElse" }, 404, "InvalidAccessKeyId.NotFound"],
    [{ PhoneNumbers: "" }, 400, "MissingPhoneNumbers"],
    [{ PhoneNumbers: "13912345678,555" }, 200, "isv.MOBILE_NUMBER_ILLEGAL"],
    [{ TemplateParam: "{code:482913}" }, 200, "isv.INVALID_JSON_PARAM"],
    [{ TemplateParam: '{"code":482913}' }, 200, "isv.INVALID_JSON_PARAM"],
  ])("rejects %o with HTTP %i %s", async (overrides, status, code) => {
    const response = await post(gateway, signedParams(overrides));
    expect(response).toMatchObject({ status, body: { Code: code } });
    expect(gateway.received).toEqual([]);
  });

  it("fails exactly the next n valid requests with the given Code", async () => {
    gateway.failNext("isv.BUSINESS_LIMIT_CONTROL", 2);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await post(gateway, signedParams())).body.Code);
    expect(codes).toEqual(["isv.BUSINESS_LIMIT_CONTROL", "isv.BUSINESS_LIMIT_CONTROL", "OK"]);
    expect(gateway.received).toHaveLength(1);
  });
});
