import { describe, expect, it } from "vitest";
import { AliyunSmsError, fromPopCoreRejection, safeProviderMessage } from "./aliyun-sms-error";

// The shape of Aliyun's answer to a wrong AccessKey secret: its string to sign, with number and code, echoed back.
const ECHOED =
  "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&" +
  "PhoneNumbers%3D13912345678%26TemplateParam%3D%257B%2522code%2522%253A%2522482913%2522%257D";

describe("safeProviderMessage", () => {
  it("drops the request Aliyun echoes after a signature mismatch", () => {
    expect(safeProviderMessage(ECHOED, [])).toBe("Specified signature is not matched with our calculation");
  });

  it("masks any value we sent that the provider quotes back", () => {
    expect(safeProviderMessage("号码13912345678验证码482913无效", ["482913", "13912345678"])).toBe(
      "号码***验证码***无效",
    );
  });

  it("keeps an ordinary business message and ignores a missing one", () => {
    expect(safeProviderMessage("触发分钟级流控Permits:1", ["482913"])).toBe("触发分钟级流控Permits:1");
    expect(safeProviderMessage(undefined, [])).toBe("");
  });
});

describe("fromPopCoreRejection", () => {
  it("keeps Aliyun's Code and RequestId but not pop-core's message, which quotes the response and URL", () => {
    const popCoreError = Object.assign(new Error(`${ECHOED}, URL: http://127.0.0.1:1/`), {
      code: "SignatureDoesNotMatch",
      data: { Code: "SignatureDoesNotMatch", Message: ECHOED, RequestId: "REQ-1" },
    });
    const error = fromPopCoreRejection(popCoreError, ["482913"]);
    expect(error).toBeInstanceOf(AliyunSmsError);
    expect(error).toMatchObject({ code: "SignatureDoesNotMatch", requestId: "REQ-1" });
    expect(error.message).not.toMatch(/482913|13912345678|URL/);
  });

  it("names network failures by kind only", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1POST http://127.0.0.1:1/ failed."), {
      code: "ECONNREFUSED",
    });
    expect(fromPopCoreRejection(refused, []).message).toBe("Aliyun SendSms failed: NetworkError (Error ECONNREFUSED)");
  });

  it("handles json-bigint's plain-object SyntaxError for a body that is not JSON", () => {
    const notJson = { name: "SyntaxError", message: "Unexpected '<'", at: 1, text: "<html>482913</html>" };
    const error = fromPopCoreRejection(notJson, []);
    expect(error.code).toBe("InvalidResponse");
    expect(error.message).not.toContain("482913");
  });
});
