/**
 * 演示交易平台: a stand-in for a trading platform that receives the CA platform's webhooks. It does what a real
 * platform must (docs/OPERATIONS.md「平台互通」): verifies each request with the `standardwebhooks` package and
 * the secret the console showed, keeps each message once by its webhook-id, answers 2xx only for a message it
 * accepted — and, given its platform key, asks `/api/v1/interop/verify` about a renewed certificate.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { renderPage } from "./page";

export interface DemoPlatformAccount {
  code: string;
  name: string;
  /** The platform's Standard Webhooks secret (`whsec_…`). */
  webhookSecret: string;
  /** The platform's key for the interop API (`lnpk_…`), to check renewed certificates; optional. */
  apiKey?: string;
}

export interface ReceivedWebhook {
  webhookId: string;
  platformCode: string;
  type: string;
  receivedAt: string;
  payload: unknown;
  /** The interop API's answer about a renewed certificate (when the platform has a key). */
  verification?: unknown;
}

export interface RejectedWebhook {
  platformCode: string;
  receivedAt: string;
  reason: string;
}

export interface DemoPlatformOptions {
  accounts: DemoPlatformAccount[];
  host?: string;
  port?: number;
  /** Where the CA platform's API is, for /interop/verify (e.g. http://127.0.0.1:3000/api/v1). */
  interopApiUrl?: string;
}

export interface DemoPlatform {
  url: string;
  received: ReceivedWebhook[];
  rejected: RejectedWebhook[];
  /** Tests: answer the next `count` webhooks with `status` (an outage), before accepting again. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

export async function startDemoPlatform(options: DemoPlatformOptions): Promise<DemoPlatform> {
  const received: ReceivedWebhook[] = [];
  const rejected: RejectedWebhook[] = [];
  const outage = { count: 0, status: 503 };

  async function onWebhook(code: string, request: IncomingMessage, response: ServerResponse) {
    const account = options.accounts.find((a) => a.code === code);
    const receivedAt = new Date().toISOString();
    if (!account) return send(response, 404, { error: "未知平台" });
    const body = await readBody(request);
    if (outage.count > 0) {
      outage.count--;
      return send(response, outage.status, { error: "演示：平台暂时不可用" });
    }
    let payload: { type?: string; data?: { certificate?: { pem?: string } } };
    try {
      payload = new Webhook(account.webhookSecret).verify(body, headersOf(request)) as typeof payload;
    } catch (error) {
      const reason = error instanceof WebhookVerificationError ? `验签失败：${error.message}` : "请求无法解析";
      rejected.push({ platformCode: code, receivedAt, reason });
      return send(response, 400, { error: reason });
    }
    const webhookId = String(request.headers["webhook-id"]);
    // At-least-once delivery: a message seen before is acknowledged again, not kept twice.
    if (!received.some((r) => r.webhookId === webhookId && r.platformCode === code)) {
      const record: ReceivedWebhook = { webhookId, platformCode: code, type: payload.type ?? "", receivedAt, payload };
      received.push(record);
      const pem = payload.data?.certificate?.pem;
      if (payload.type === "certificate.renewed" && pem && account.apiKey && options.interopApiUrl) {
        void verifyCertificate(options.interopApiUrl, account.apiKey, pem).then((answer) => {
          record.verification = answer;
        });
      }
    }
    send(response, 204);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://demo-platform");
    const webhook = /^\/webhooks\/([\w-]+)$/.exec(url.pathname);
    if (request.method === "POST" && webhook?.[1]) {
      onWebhook(webhook[1], request, response).catch(() => send(response, 400, { error: "请求无法处理" }));
    } else if (request.method === "GET" && url.pathname === "/api/received") {
      send(response, 200, { received, rejected });
    } else if (request.method === "GET" && url.pathname === "/") {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      response.end(renderPage(options.accounts, received, rejected));
    } else {
      send(response, 404, { error: "未找到" });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    received,
    rejected,
    failNext: (count, status) => Object.assign(outage, { count, status }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function verifyCertificate(apiUrl: string, apiKey: string, pem: string): Promise<unknown> {
  try {
    const response = await fetch(`${apiUrl}/interop/verify`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ certificate: pem }),
      signal: AbortSignal.timeout(10_000),
    });
    return await response.json();
  } catch (error) {
    return { error: error instanceof Error ? error.message : "验证请求失败" };
  }
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
