import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AliyunSmsError } from "./aliyun-sms-error";
import { AliyunSmsSender, type AliyunSmsSenderOptions } from "./aliyun-sms-sender";
import type { SmsMessage } from "./sms";
import {
  FAKE_ALIYUN_ACCESS_KEY_ID,
  FAKE_ALIYUN_ACCESS_KEY_SECRET,
  type FakeAliyunSmsGateway,
  startFakeAliyunSmsGateway,
} from "./testing/fake-aliyun-sms-gateway";

const CODE = "482913";
const message: SmsMessage = {
  id: "sms_01J9ZK7Q4T",
  mobile: "13912345678",
  template: "verification_code",
  params: { code: CODE },
};

function senderFor(endpoint: string, overrides: Partial<AliyunSmsSenderOptions> = {}): AliyunSmsSender {
  return new AliyunSmsSender({
    accessKeyId: FAKE_ALIYUN_ACCESS_KEY_ID,
    accessKeySecret: FAKE_ALIYUN_ACCESS_KEY_SECRET,
    signName: "辽宁网联",
    templateCode: "SMS_465000123",
    endpoint,
    timeoutMs: 2_000,
    ...overrides,
  });
}

async function sendFailure(sender: AliyunSmsSender, sms: SmsMessage = message): Promise<AliyunSmsError> {
  const error = await sender.send(sms).then(
    () => expect.unreachable("send should have thrown"),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AliyunSmsError);
  return error as AliyunSmsError;
}

describe("AliyunSmsSender against the fake Dysmsapi gateway", () => {
  let gateway: FakeAliyunSmsGateway;
  beforeEach(async () => {
    gateway = await startFakeAliyunSmsGateway();
  });
  afterEach(() => gateway.close());

  it("signs with pop-core, sends SendSms and returns the BizId", async () => {
    const result = await senderFor(gateway.url).send(message);

    expect(result.providerMessageId).toMatch(/^\d+\^0$/);
    expect(gateway.received).toEqual([
      {
        phoneNumbers: ["13912345678"],
        signName: "辽宁网联",
        templateCode: "SMS_465000123",
        templateParam: { code: CODE },
        outId: "sms_01J9ZK7Q4T",
      },
    ]);
  });

  it("sends again with a fresh nonce, and accepts an endpoint with a trailing slash", async () => {
    const sender = senderFor(`${gateway.url}/`);
    await sender.send(message);
    await sender.send({ ...message, id: "sms_second" });
    expect(gateway.received.map((sms) => sms.outId)).toEqual(["sms_01J9ZK7Q4T", "sms_second"]);
  });

  it("is rejected with SignatureDoesNotMatch under a wrong secret, without the code or secret in the error", async () => {
    const error = await sendFailure(senderFor(gateway.url, { accessKeySecret: "not-the-real-secret" }));

    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    // The fake, like Aliyun, echoed the string to sign (with TemplateParam) in its Message.
    for (const secret of [CODE, "not-the-real-secret", FAKE_ALIYUN_ACCESS_KEY_SECRET, message.mobile]) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
    expect(error.cause).toBeUndefined();
    expect(gateway.received).toEqual([]);
  });

  it("throws with the provider's Code when SendSms answers a business error", async () => {
    gateway.failNext("isv.BUSINESS_LIMIT_CONTROL", 1, "触发分钟级流控Permits:1");
    const sender = senderFor(gateway.url);

    const error = await sendFailure(sender);
    expect(error.code).toBe("isv.BUSINESS_LIMIT_CONTROL");
    expect(error.message).toContain("isv.BUSINESS_LIMIT_CONTROL (触发分钟级流控Permits:1)");
    expect(gateway.received).toEqual([]);

    // Only the next request was to fail.
    await expect(sender.send(message)).resolves.toMatchObject({ providerMessageId: expect.any(String) });
  });

  it("reports a mobile number the provider refuses", async () => {
    const error = await sendFailure(senderFor(gateway.url), { ...message, mobile: "1234" });
    expect(error.code).toBe("isv.MOBILE_NUMBER_ILLEGAL");
    expect(error.message).not.toContain(CODE);
  });

  it("throws a NetworkError when nothing listens at the endpoint", async () => {
    const url = gateway.url;
    await gateway.close();
    gateway = await startFakeAliyunSmsGateway(); // for afterEach

    const error = await sendFailure(senderFor(url));
    expect(error.code).toBe("NetworkError");
    expect(error.message).toContain("ECONNREFUSED");
  });
});

describe("AliyunSmsSender timeout", () => {
  let silent: Server;
  beforeEach(async () => {
    // Accepts the request and never answers.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up within timeoutMs", async () => {
    const { port } = silent.address() as AddressInfo;
    const sender = senderFor(`http://127.0.0.1:${port}`, { timeoutMs: 300 });

    const started = performance.now();
    const error = await sendFailure(sender);
    const elapsed = performance.now() - started;

    expect(error.code).toBe("NetworkError");
    expect(error.message).toContain("Timeout");
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_000);
  });
});
