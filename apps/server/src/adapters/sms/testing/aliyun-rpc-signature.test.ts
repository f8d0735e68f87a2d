import { describe, expect, it } from "vitest";
import { percentEncode, rpcSignature, stringToSign } from "./aliyun-rpc-signature";

describe("aliyun RPC signature (Signature Version 1.0)", () => {
  it("reproduces the worked example of Alibaba Cloud's signature documentation (ECS DescribeRegions)", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(stringToSign("GET", params)).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
        "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
        "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
    expect(rpcSignature("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("reproduces the SendSms example of the SMS signature documentation (Chinese SignName, JSON TemplateParam)", () => {
    const params = {
      AccessKeyId: "testId",
      Action: "SendSms",
      Format: "XML",
      OutId: "123",
      PhoneNumbers: "15300000001",
      RegionId: "cn-hangzhou",
      SignName: "阿里云短信测试专用",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
      SignatureVersion: "1.0",
      TemplateCode: "SMS_71390007",
      TemplateParam: '{"customer":"test"}',
      Timestamp: "2017-07-12T02:42:19Z",
      Version: "2017-05-25",
    };
    expect(rpcSignature("GET", params, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
  });

  it("ignores a Signature parameter, and the method and secret change the result", () => {
    const params = { Action: "SendSms", B: "2", A: "1" };
    const base = rpcSignature("GET", params, "s");
    expect(rpcSignature("GET", { ...params, Signature: "whatever" }, "s")).toBe(base);
    expect(rpcSignature("POST", params, "s")).not.toBe(base);
    expect(rpcSignature("GET", params, "t")).not.toBe(base);
  });

  it("percent-encodes the characters encodeURIComponent spares, and spaces as %20", () => {
    expect(percentEncode("a!b'c(d)e*f g~-_.")).toBe("a%21b%27c%28d%29e%2Af%20g~-_.");
    expect(percentEncode("辽")).toBe("%E8%BE%BD");
  });
});
