/**
 * The HTTP behaviour every backend must show, run over a real socket (listen on port 0, fetch with an
 * Origin header). Each backend's test file calls `describeKeybridgeHttp` with a fixture of its own keys.
 */

import { createPublicKey, verify } from "node:crypto";
import { request as httpRequest } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { formatChallenge } from "@lnca/pki";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeybridgeApp } from "../app";
import type { KeyAlgorithm, KeybridgeBackend } from "../backend/backend";
import { testChallenge } from "./certificates";

export const ORIGIN = "http://127.0.0.1:5173";

export interface FixtureKey {
  keyId: string;
  certId: string;
  pin: string;
  algorithm: KeyAlgorithm;
}

export interface BackendFixture {
  backend: KeybridgeBackend;
  /** At least two keys; the last one is locked by the wrong-PIN test. */
  keys: FixtureKey[];
  cleanup(): Promise<void>;
}

export function describeKeybridgeHttp(name: string, setup: () => Promise<BackendFixture>): void {
  describe(`keybridge over HTTP (${name})`, () => {
    let fixture: BackendFixture;
    let app: FastifyInstance;
    let base: string;
    const first = () => fixture.keys[0] as FixtureKey;
    const last = () => fixture.keys[fixture.keys.length - 1] as FixtureKey;

    beforeAll(async () => {
      fixture = await setup();
      app = createKeybridgeApp({ backend: fixture.backend, allowedOrigins: [ORIGIN] });
      await app.listen({ host: "127.0.0.1", port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await app?.close();
      await fixture?.cleanup();
    });

    const get = (path: string, headers: Record<string, string> = { origin: ORIGIN }) =>
      fetch(`${base}${path}`, { headers });
    const sign = (key: FixtureKey, body: Record<string, unknown>, origin = ORIGIN) =>
      fetch(`${base}/v1/keys/${encodeURIComponent(key.keyId)}/sign-challenge`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ certId: key.certId, pin: key.pin, challenge: testChallenge(ORIGIN), ...body }),
      });
    const listed = async (keyId: string) => {
      const { keys } = (await (await get("/v1/keys")).json()) as { keys: { keyId: string; pinTriesLeft: number }[] };
      return keys.find((k) => k.keyId === keyId);
    };

    it("answers an allowed origin with its status and exact CORS headers", async () => {
      const response = await get("/v1/status");
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(response.headers.get("vary")).toMatch(/origin/i);
      expect(await response.json()).toMatchObject({
        name: "lnca-keybridge",
        protocol: 1,
        backend: fixture.backend.kind,
      });
    });

    it("refuses other origins and requests without an origin", async () => {
      for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
        const response = await get("/v1/keys", headers);
        expect(response.status).toBe(403);
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        expect(await response.json()).toMatchObject({ error: { code: "ORIGIN_FORBIDDEN" } });
      }
    });

    it("answers a preflight with 204 and Private Network Access only when asked", async () => {
      const preflight = (extra: Record<string, string>) =>
        fetch(`${base}/v1/keys/x/sign-challenge`, {
          method: "OPTIONS",
          headers: { origin: ORIGIN, "access-control-request-method": "POST", ...extra },
        });
      const withPna = await preflight({ "access-control-request-private-network": "true" });
      expect(withPna.status).toBe(204);
      expect(withPna.headers.get("access-control-allow-private-network")).toBe("true");
      expect(withPna.headers.get("access-control-allow-methods")).toContain("POST");
      expect(withPna.headers.get("access-control-allow-headers")).toContain("content-type");
      const without = await preflight({});
      expect(without.status).toBe(204);
      expect(without.headers.get("access-control-allow-private-network")).toBeNull();
      const foreign = await fetch(`${base}/v1/keys`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example" },
      });
      expect(foreign.status).toBe(403);
    });

    it("refuses a Host header other than the loopback address and our port (DNS rebinding)", async () => {
      const port = (app.server.address() as AddressInfo).port;
      const statusFor = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: "127.0.0.1", port, path: "/v1/status", headers: { host, origin: ORIGIN } });
          req.on("response", (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      expect(await statusFor(`evil.example:${port}`)).toBe(403);
      expect(await statusFor(`127.0.0.1:${port + 1}`)).toBe(403);
      expect(await statusFor(`localhost:${port}`)).toBe(200);
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
    });

    it("refuses, with its coded 403, a request with no Host header or with two (raw socket: clients add one)", async () => {
      const port = (app.server.address() as AddressInfo).port;
      const rawExchange = (head: string) =>
        new Promise<string>((resolve, reject) => {
          let answer = "";
          const socket = connect(port, "127.0.0.1", () => socket.end(`${head}Origin: ${ORIGIN}\r\n\r\n`));
          socket.on("data", (chunk) => {
            answer += chunk.toString();
          });
          socket.on("close", () => resolve(answer));
          socket.on("error", reject);
        });
      const requests = [
        "GET /v1/status HTTP/1.1\r\nConnection: close\r\n",
        "GET /v1/status HTTP/1.0\r\n",
        `GET http://127.0.0.1:${port}/v1/status HTTP/1.1\r\nConnection: close\r\n`,
        `GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n`,
      ];
      for (const head of requests) {
        const answer = await rawExchange(head);
        expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 403 Forbidden");
        expect(answer).toContain('"code":"ORIGIN_FORBIDDEN"');
        expect(answer).not.toContain("lnca-keybridge");
      }
      const proper = await rawExchange(`GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n`);
      expect(proper.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    });

    it("lists the inserted keys with their certificates and PIN tries", async () => {
      const { keys } = (await (await get("/v1/keys")).json()) as { keys: Record<string, unknown>[] };
      for (const key of fixture.keys) {
        const entry = keys.find((k) => k.keyId === key.keyId);
        expect(entry).toMatchObject({ pinTriesLeft: 6, pinLocked: false });
        expect(entry?.certificates).toEqual([
          expect.objectContaining({
            certId: key.certId,
            keyAlgorithm: key.algorithm,
            pem: expect.stringContaining("BEGIN"),
          }),
        ]);
      }
    });

    it("signs a login challenge with each key; the signature verifies against the certificate", async () => {
      for (const key of fixture.keys) {
        const challenge = testChallenge(ORIGIN);
        const response = await sign(key, { challenge });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          signature: string;
          signatureAlgorithm: string;
          certificatePem: string;
        };
        expect(body.signatureAlgorithm).toBe(key.algorithm === "EC-P256" ? "ecdsa-sha256" : "rsa-pkcs1-sha256");
        const publicKey = createPublicKey(body.certificatePem);
        const ok = verify("sha256", Buffer.from(challenge), publicKey, Buffer.from(body.signature, "base64"));
        expect(ok).toBe(true);
      }
    });

    it("refuses to sign anything but a current challenge for the requesting origin, without using a PIN try", async () => {
      const refused = [
        testChallenge("http://127.0.0.1:9999"),
        "hello, please sign this contract",
        testChallenge(ORIGIN, new Date(Date.now() - 10 * 60_000)),
      ];
      for (const challenge of refused) {
        const response = await sign(first(), { challenge, pin: "000000" });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: { code: "CHALLENGE_INVALID" } });
      }
      expect((await listed(first().keyId))?.pinTriesLeft).toBe(6);
    });

    it("refuses a challenge claiming a longer life than the server ever grants, without using a PIN try", async () => {
      const issuedAt = new Date();
      const yearLong = formatChallenge({
        purpose: "ca-login",
        origin: ORIGIN,
        nonce: "y".repeat(43),
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 365 * 86_400_000),
      });
      const response = await sign(first(), { challenge: yearLong, pin: "000000" });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "CHALLENGE_LIFETIME_TOO_LONG" } });
      expect((await listed(first().keyId))?.pinTriesLeft).toBe(6);
    });

    it("answers unknown keys, certificates, bad bodies and routes with coded errors", async () => {
      const unknownKey = await sign({ ...first(), keyId: "NO-SUCH-KEY" }, {});
      expect([unknownKey.status, ((await unknownKey.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        "KEY_NOT_FOUND",
      ]);
      const unknownCert = await sign(first(), { certId: "abcdef" });
      expect([unknownCert.status, ((await unknownCert.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        "CERTIFICATE_NOT_FOUND",
      ]);
      const badBody = await sign(first(), { certId: 42 });
      expect(await badBody.json()).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
      const route = await get("/v1/nothing-here");
      expect(route.status).toBe(404);
      expect(await route.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    });

    it("resets the wrong-PIN count after a correct PIN", async () => {
      const wrong = await sign(first(), { pin: "000000" });
      expect(await wrong.json()).toMatchObject({ error: { code: "PIN_INCORRECT", triesLeft: 5 } });
      expect((await sign(first(), {})).status).toBe(200);
      expect((await listed(first().keyId))?.pinTriesLeft).toBe(6);
    });

    it("counts wrong PINs down to a lock that the right PIN cannot open", async () => {
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await sign(last(), { pin: "000000" });
        const { error } = (await response.json()) as { error: { code: string; triesLeft: number; message: string } };
        seen.push([response.status, error.code, error.triesLeft]);
        if (i === 0) expect(error.message).toBe("CA 锁密码错误，还可尝试 5 次");
      }
      expect(seen).toEqual([
        [400, "PIN_INCORRECT", 5],
        [400, "PIN_INCORRECT", 4],
        [400, "PIN_INCORRECT", 3],
        [400, "PIN_INCORRECT", 2],
        [400, "PIN_INCORRECT", 1],
        [423, "PIN_LOCKED", 0],
      ]);
      const correct = await sign(last(), {});
      expect(correct.status).toBe(423);
      expect(await listed(last().keyId)).toMatchObject({ pinTriesLeft: 0, pinLocked: true });
    });
  });
}
