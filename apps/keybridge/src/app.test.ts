import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createKeybridgeApp } from "./app";
import type { KeybridgeBackend } from "./backend/backend";
import { pinIncorrect } from "./errors";
import { KEYBRIDGE_LOG_REDACT } from "./logger";
import { testChallenge } from "./testing/certificates";

const ORIGIN = "http://localhost:3000";

/** A backend whose signing fails the way the test asks, to see how the HTTP layer reports it. */
function failingBackend(error: Error): KeybridgeBackend {
  const fail = async () => {
    throw error;
  };
  return {
    kind: "softtoken",
    listKeys: fail,
    signChallenge: fail,
    generateKeyPair: fail,
    importCertificate: fail,
    deleteObjects: fail,
    withSession: fail,
    close: async () => {},
  };
}

const headers = { origin: ORIGIN, host: "127.0.0.1:28451", "content-type": "application/json" };
const body = (pin = "123456") => ({ certId: "01", pin, challenge: testChallenge(ORIGIN) });

describe("keybridge HTTP app (inject)", () => {
  it("turns an unexpected backend failure into a coded 500 without a stack", async () => {
    const app = createKeybridgeApp({ backend: failingBackend(new Error("C_Sign exploded")), allowedOrigins: [ORIGIN] });
    const response = await app.inject({ method: "POST", url: "/v1/keys/K/sign-challenge", headers, payload: body() });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "TOKEN_ERROR", message: "CA 锁操作失败，请重新插入后重试" } });
    expect(response.body).not.toMatch(/exploded|at /);
  });

  it("reports a PIN of the wrong length as PIN_INVALID_FORMAT and malformed JSON as VALIDATION_FAILED", async () => {
    const app = createKeybridgeApp({ backend: failingBackend(new Error("unused")), allowedOrigins: [ORIGIN] });
    const shortPin = await app.inject({
      method: "POST",
      url: "/v1/keys/K/sign-challenge",
      headers,
      payload: body("12"),
    });
    expect([shortPin.statusCode, shortPin.json().error.code]).toEqual([400, "PIN_INVALID_FORMAT"]);
    const broken = await app.inject({ method: "POST", url: "/v1/keys/K/sign-challenge", headers, payload: "{" });
    expect([broken.statusCode, broken.json().error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const textPlain = await app.inject({
      method: "POST",
      url: "/v1/keys/K/sign-challenge",
      headers: { ...headers, "content-type": "text/plain" },
      payload: JSON.stringify(body()),
    });
    expect(textPlain.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("checks the Host name even without a socket", async () => {
    const app = createKeybridgeApp({ backend: failingBackend(new Error("unused")), allowedOrigins: [ORIGIN] });
    const response = await app.inject({ url: "/v1/status", headers: { origin: ORIGIN, host: "rebind.example" } });
    expect(response.statusCode).toBe(403);
  });

  it("never writes the PIN to the log", async () => {
    let logged = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const logger = pino({ level: "trace", redact: KEYBRIDGE_LOG_REDACT }, sink);
    const error = Object.assign(new Error("boom"), { pin: "246810" });
    for (const backend of [failingBackend(error), failingBackend(pinIncorrect(3))]) {
      const app = createKeybridgeApp({ backend, allowedOrigins: [ORIGIN], logger });
      await app.inject({ method: "POST", url: "/v1/keys/K/sign-challenge", headers, payload: body("246810") });
      const keyUpdateId = "0b9e3c52-4a8e-4f6e-9d3f-2f1c7e2b8a10";
      const keyUpdate = { certId: "01", pin: "246810", keyUpdateId, nonce: "n".repeat(43) };
      await app.inject({ method: "POST", url: "/v1/keys/K/key-updates", headers, payload: keyUpdate });
      const retire = { pin: "246810", oldCertId: "01" };
      await app.inject({
        method: "POST",
        url: `/v1/keys/K/key-updates/${keyUpdateId}/retire`,
        headers,
        payload: retire,
      });
    }
    expect(logged).toContain("sign-challenge");
    expect(logged).toContain("key-updates");
    expect(logged).not.toContain("246810");
  });
});
