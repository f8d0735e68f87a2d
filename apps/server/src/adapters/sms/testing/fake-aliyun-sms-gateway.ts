import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { rpcSignature, stringToSign } from "./aliyun-rpc-signature";

/**
 * A local stand-in for dysmsapi.aliyuncs.com that speaks the real RPC protocol, so the sender is tested through
 * the real @alicloud/pop-core signing and HTTP code (the network here reaches no Alibaba Cloud endpoint).
 * Response codes, HTTP statuses and messages follow what Dysmsapi returns; the few checks whose exact wording
 * we could not confirm (SignatureMethod/SignatureVersion, timestamp format) use Alibaba's usual
 * InvalidParameter-style shape.
 */

export const FAKE_ALIYUN_ACCESS_KEY_ID = "LTAI5tFakeGatewayTestId";
export const FAKE_ALIYUN_ACCESS_KEY_SECRET = "fake-gateway-test-secret";

const API_VERSION = "2017-05-25";
/** Dysmsapi accepts a Timestamp up to 15 minutes away from its own clock. */
const TIMESTAMP_TOLERANCE_MS = 15 * 60_000;
const MAX_PHONE_NUMBERS = 1000;
const MAX_BODY_BYTES = 64 * 1024;
const COMMON_PARAMS = [
  "AccessKeyId",
  "Action",
  "Signature",
  "SignatureMethod",
  "SignatureNonce",
  "SignatureVersion",
  "Timestamp",
  "Version",
];
/** Mainland mobile numbers, optionally with the +86 / 0086 / 86 prefix Dysmsapi also accepts. */
const MAINLAND_MOBILE = /^(?:\+86|0086|86)?1[3-9]\d{9}$/;

export interface ReceivedSms {
  phoneNumbers: string[];
  signName: string;
  templateCode: string;
  templateParam: Record<string, string> | null;
  outId: string | null;
}

export interface FakeAliyunSmsGateway {
  /** The endpoint to give the sender, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every accepted SendSms, oldest first. */
  received: ReceivedSms[];
  /** Answer the next `n` otherwise valid SendSms requests with this business error Code (HTTP 200, as Dysmsapi). */
  failNext(code: string, n?: number, message?: string): void;
  close(): Promise<void>;
}

export interface FakeAliyunSmsGatewayOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  /** The gateway's clock, for testing the Timestamp window. */
  now?: () => number;
}

class Rejection {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

export async function startFakeAliyunSmsGateway(
  options: FakeAliyunSmsGatewayOptions = {},
): Promise<FakeAliyunSmsGateway> {
  const accessKeyId = options.accessKeyId ?? FAKE_ALIYUN_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? FAKE_ALIYUN_ACCESS_KEY_SECRET;
  const now = options.now ?? Date.now;
  const received: ReceivedSms[] = [];
  // Aliyun remembers nonces for the Timestamp window; the fake lives shorter than that, so it keeps them all.
  const usedNonces = new Set<string>();
  const pendingFailures: { code: string; message: string }[] = [];

  function authenticate(method: string, params: Record<string, string>): void {
    for (const name of COMMON_PARAMS) {
      if (!params[name]) throw new Rejection(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    if (params.Version !== API_VERSION) {
      throw new Rejection(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }
    if (params.Action !== "SendSms") {
      throw new Rejection(
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
      );
    }
    if (params.SignatureMethod !== "HMAC-SHA1") {
      throw new Rejection(400, "InvalidParameter", 'The specified parameter "SignatureMethod" is not valid.');
    }
    if (params.SignatureVersion !== "1.0") {
      throw new Rejection(400, "InvalidParameter", 'The specified parameter "SignatureVersion" is not valid.');
    }
    checkTimestamp(params.Timestamp ?? "");
    if (params.AccessKeyId !== accessKeyId) {
      throw new Rejection(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }
    if (params.Signature !== rpcSignature(method, params, accessKeySecret)) {
      // Aliyun echoes its whole string to sign (phone numbers and template parameters included) in this message;
      // the fake does too, so the sender's tests prove it keeps that text out of its errors.
      throw new Rejection(
        400,
        "SignatureDoesNotMatch",
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign(method, params)}`,
      );
    }
    // Checked after the signature, so a forged request cannot burn a legitimate client's nonce.
    const nonce = params.SignatureNonce ?? "";
    if (usedNonces.has(nonce)) {
      throw new Rejection(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }
    usedNonces.add(nonce);
  }

  function checkTimestamp(timestamp: string): void {
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(timestamp) ||
      Number.isNaN(Date.parse(timestamp))
    ) {
      throw new Rejection(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }
    if (Math.abs(now() - Date.parse(timestamp)) > TIMESTAMP_TOLERANCE_MS) {
      throw new Rejection(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }
  }

  function validateSendSms(params: Record<string, string>): ReceivedSms {
    for (const name of ["PhoneNumbers", "SignName", "TemplateCode"]) {
      if (!params[name]) throw new Rejection(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    const phoneNumbers = (params.PhoneNumbers ?? "").split(",");
    if (phoneNumbers.length > MAX_PHONE_NUMBERS) {
      throw new Rejection(200, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
    }
    if (!phoneNumbers.every((number) => MAINLAND_MOBILE.test(number))) {
      throw new Rejection(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
    }
    return {
      phoneNumbers,
      signName: params.SignName ?? "",
      templateCode: params.TemplateCode ?? "",
      templateParam: params.TemplateParam === undefined ? null : parseTemplateParam(params.TemplateParam),
      outId: params.OutId ?? null,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID().toUpperCase();
    try {
      const method = req.method ?? "";
      if (method !== "GET" && method !== "POST") {
        throw new Rejection(400, "UnsupportedHTTPMethod", "Specified http method is not supported.");
      }
      const url = new URL(req.url ?? "/", "http://fake");
      if (url.pathname !== "/") {
        throw new Rejection(
          404,
          "InvalidAction.NotFound",
          "Specified api is not found, please check your url and method.",
        );
      }
      const params = Object.fromEntries(url.searchParams);
      // pop-core's POST puts every parameter in a form-encoded body; Aliyun also honours any left in the query.
      if (method === "POST" && req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
        Object.assign(params, Object.fromEntries(new URLSearchParams(await readBody(req))));
      }

      authenticate(method, params);
      const sms = validateSendSms(params);
      const failure = pendingFailures.shift();
      if (failure) throw new Rejection(200, failure.code, failure.message);

      received.push(sms);
      const bizId = `${Date.now()}${Math.floor(Math.random() * 1e6)}^0`;
      reply(res, 200, { Code: "OK", Message: "OK", BizId: bizId, RequestId: requestId });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      reply(res, error.status, {
        RequestId: requestId,
        HostId: "dysmsapi.aliyuncs.com",
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${error.code}&product=Dysmsapi`,
      });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() =>
      reply(res, 500, { Code: "InternalError", Message: "The request processing has failed." }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext(code, n = 1, message = code) {
      for (let i = 0; i < n; i++) pendingFailures.push({ code, message });
    },
    close() {
      // pop-core keeps its sockets alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Dysmsapi wants a JSON object of string values ("JSON参数不合法，只接受字符串值"). */
function parseTemplateParam(raw: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const isStringMap =
    typeof parsed === "object" &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((value) => typeof value === "string");
  if (!isStringMap) throw new Rejection(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
  return parsed as Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Rejection(413, "RequestEntityTooLarge", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
  res.end(JSON.stringify(body));
}
