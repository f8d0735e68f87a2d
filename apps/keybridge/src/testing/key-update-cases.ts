/**
 * The key update as every backend must carry it out, over a real socket. The test plays the server: it checks
 * the CSR and the proof as the server does and has the built-in CA of packages/pki issue the renewed
 * certificate. A "restart" closes the app (and its backend) and serves the same keys with a new backend, as
 * when the keybridge process is killed and started again.
 */
import { createHash, createPublicKey, randomBytes, randomUUID, verify } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type KeybridgeKey, type KeybridgeRenewalResponse, keyUpdateProofMessage } from "@lnca/contracts";
import { type BuiltinCa, parseCertificatePem, parseCsr, pemToDer, verifySignature } from "@lnca/pki";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeybridgeApp } from "../app";
import type { KeyAlgorithm, KeybridgeBackend } from "../backend/backend";
import { keyUpdateObjectId } from "../key-update";
import { testChallenge } from "./certificates";
import { ORIGIN } from "./http-cases";

const DAY_MS = 86_400_000;

export interface KeyUpdateKey {
  keyId: string;
  pin: string;
  algorithm: KeyAlgorithm;
}

export interface KeyUpdateFixture {
  /** The CA that issued each key's one certificate. */
  ca: BuiltinCa;
  /** At least three keys, each holding one certificate issued by `ca`; the last one is locked by a test. */
  keys: KeyUpdateKey[];
  /** A new backend on the same keys (the app closes it). */
  openBackend(): KeybridgeBackend;
  /** How many private keys the key holds, read behind the keybridge's back. */
  privateKeyCount(keyId: string): Promise<number>;
  cleanup(): Promise<void>;
}

interface ErrorBody {
  error: { code: string; triesLeft?: number };
}

/**
 * What the server does with the keybridge's renewal answer: the CSR is signed by its own key of the old
 * key's algorithm and repeats the old subject byte for byte, the proof verifies with the old certificate over
 * the message built from this key update's id and nonce and the CSR's hash; then the CA issues for a year.
 */
export async function issueAsServer(
  ca: BuiltinCa,
  expected: { keyUpdateId: string; nonce: string; algorithm: KeyAlgorithm },
  renewal: KeybridgeRenewalResponse,
  oldCertificatePem: string,
) {
  const csr = parseCsr(renewal.csrPem);
  expect(csr.signatureValid).toBe(true);
  expect(csr.keyAlgorithm).toBe(expected.algorithm);
  const oldCertificate = parseCertificatePem(oldCertificatePem);
  expect(Buffer.from(csr.subjectName.toArrayBuffer())).toEqual(Buffer.from(oldCertificate.subjectName.toArrayBuffer()));
  expect(renewal.certificatePem.replace(/\s/g, "")).toBe(oldCertificatePem.replace(/\s/g, ""));
  const csrSha256Hex = createHash("sha256").update(pemToDer(renewal.csrPem, "CERTIFICATE REQUEST")).digest("hex");
  const message = keyUpdateProofMessage({ keyUpdateId: expected.keyUpdateId, nonce: expected.nonce, csrSha256Hex });
  const proofOk = await verifySignature({
    certificate: oldCertificatePem,
    data: Buffer.from(message),
    signature: Buffer.from(renewal.proof.signature, "base64"),
    algorithm: renewal.proof.signatureAlgorithm,
  });
  expect(proofOk).toBe(true);
  const now = Date.now();
  return ca.issueFromCsr({
    csr: renewal.csrPem,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * DAY_MS),
  });
}

export function describeKeyUpdate(name: string, setup: () => Promise<KeyUpdateFixture>): void {
  describe(`key update over HTTP (${name})`, () => {
    let fixture: KeyUpdateFixture;
    let app: FastifyInstance | undefined;
    let base: string;

    async function start() {
      app = createKeybridgeApp({ backend: fixture.openBackend(), allowedOrigins: [ORIGIN] });
      await app.listen({ host: "127.0.0.1", port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }
    /** The keybridge is killed and started again: a new app and a new backend on the same keys. */
    async function restart() {
      await app?.close();
      await start();
    }

    beforeAll(async () => {
      fixture = await setup();
      await start();
    });
    afterAll(async () => {
      await app?.close();
      await fixture?.cleanup();
    });

    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const keyOf = async (keyId: string): Promise<KeybridgeKey> => {
      const response = await fetch(`${base}/v1/keys`, { headers: { origin: ORIGIN } });
      const { keys } = (await response.json()) as { keys: KeybridgeKey[] };
      const key = keys.find((k) => k.keyId === keyId);
      if (!key) throw new Error(`key ${keyId} is not listed`);
      return key;
    };
    /** The one certificate a key holds between key updates. */
    const currentCertificate = async (keyId: string) => {
      const { certificates } = await keyOf(keyId);
      expect(certificates).toHaveLength(1);
      return certificates[0]!;
    };

    /** One key update's three keybridge calls, plus what the server would do in between. */
    function keyUpdate(key: KeyUpdateKey, oldCertId: string, keyUpdateId = randomUUID()) {
      const nonce = randomBytes(32).toString("base64url");
      const path = `/v1/keys/${encodeURIComponent(key.keyId)}/key-updates`;
      return {
        keyUpdateId,
        nonce,
        request: (pin = key.pin) => post(path, { certId: oldCertId, pin, keyUpdateId, nonce }),
        importCertificate: (certificatePem: string, pin = key.pin) =>
          post(`${path}/${keyUpdateId}/certificate`, {
            pin,
            certificatePem,
            chainPem: [fixture.ca.issuingCertificatePem],
          }),
        retire: (pin = key.pin, certId = oldCertId) =>
          post(`${path}/${keyUpdateId}/retire`, { pin, oldCertId: certId }),
        /** The server's checks of the CSR and the proof, then the CA's issuance. */
        issue: (renewal: KeybridgeRenewalResponse, oldCertificatePem: string) =>
          issueAsServer(fixture.ca, { keyUpdateId, nonce, algorithm: key.algorithm }, renewal, oldCertificatePem),
      };
    }

    async function signLogin(key: KeyUpdateKey, certId: string) {
      const challenge = testChallenge(ORIGIN);
      const { status, body } = await post(`/v1/keys/${encodeURIComponent(key.keyId)}/sign-challenge`, {
        certId,
        pin: key.pin,
        challenge,
      });
      if (status !== 200) return { status, ok: false, code: (body as unknown as ErrorBody).error.code };
      const signature = Buffer.from(body.signature as string, "base64");
      const publicKey = createPublicKey(body.certificatePem as string);
      return { status, ok: verify("sha256", Buffer.from(challenge), publicKey, signature), code: null };
    }

    /** Request, issuance and import; returns what the retire step needs. */
    async function renewUpToImport(key: KeyUpdateKey) {
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const renewal = await update.request();
      expect(renewal.status).toBe(200);
      const issued = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
      const imported = await update.importCertificate(issued.certificatePem);
      expect(imported).toEqual({ status: 200, body: { certId: keyUpdateObjectId(update.keyUpdateId) } });
      return { old, update, issued };
    }

    it("renews each key: new key pair on the key, CSR and proof the server accepts, import, retire", async () => {
      for (const key of fixture.keys.slice(0, 2)) {
        const old = await currentCertificate(key.keyId);
        const update = keyUpdate(key, old.certId);
        const renewal = await update.request();
        expect(renewal.status).toBe(200);
        expect(renewal.body).toMatchObject({
          generated: true,
          proof: { signatureAlgorithm: key.algorithm === "EC-P256" ? "ecdsa-sha256" : "rsa-pkcs1-sha256" },
        });
        // A pending key pair is not offered for login until its certificate is there.
        expect((await keyOf(key.keyId)).certificates.map((c) => c.certId)).toEqual([old.certId]);
        expect(await fixture.privateKeyCount(key.keyId)).toBe(2);

        const issued = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
        const newCertId = keyUpdateObjectId(update.keyUpdateId);
        expect(await update.importCertificate(issued.certificatePem)).toEqual({
          status: 200,
          body: { certId: newCertId },
        });
        // Both certificates log in until the server has confirmed and the page retires the old one.
        expect((await keyOf(key.keyId)).certificates.map((c) => c.certId).sort()).toEqual(
          [old.certId, newCertId].sort(),
        );
        expect(await update.retire()).toEqual({ status: 200, body: { retired: true } });

        const renewed = await currentCertificate(key.keyId);
        expect(renewed).toMatchObject({ certId: newCertId, serialNumber: issued.serialNumber.toUpperCase() });
        expect(renewed.subject).toBe(old.subject);
        expect(await fixture.privateKeyCount(key.keyId)).toBe(1);
        expect(await signLogin(key, newCertId)).toMatchObject({ status: 200, ok: true });
        expect(await signLogin(key, old.certId)).toMatchObject({ status: 404, code: "CERTIFICATE_NOT_FOUND" });
      }
    });

    it("reuses the key pair when asked twice for one key update (a crash after generation): one pending key", async () => {
      const key = fixture.keys[0]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const first = await update.request();
      const second = await update.request();
      expect([first.body.generated, second.body.generated]).toEqual([true, false]);
      const publicKeyOf = (r: { body: Record<string, unknown> }) =>
        Buffer.from(parseCsr(r.body.csrPem as string).publicKey.rawData).toString("hex");
      expect(publicKeyOf(second)).toBe(publicKeyOf(first));
      expect(await fixture.privateKeyCount(key.keyId)).toBe(2);
      // Either CSR is good for the server; the certificate issued for the first one imports after the second call.
      const issued = await update.issue(first.body as KeybridgeRenewalResponse, old.pem);
      await update.issue(second.body as KeybridgeRenewalResponse, old.pem);
      expect((await update.importCertificate(issued.certificatePem)).status).toBe(200);
      expect(await update.retire()).toEqual({ status: 200, body: { retired: true } });
      expect(await fixture.privateKeyCount(key.keyId)).toBe(1);
    });

    it("resumes after a restart at every step; import and retire repeated answer the same", async () => {
      const key = fixture.keys[1]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const first = await update.request();
      await restart();
      const again = await update.request();
      expect([first.body.generated, again.body.generated]).toEqual([true, false]);
      const issued = await update.issue(again.body as KeybridgeRenewalResponse, old.pem);
      await restart();
      const imported = await update.importCertificate(issued.certificatePem);
      await restart();
      expect(await update.importCertificate(issued.certificatePem)).toEqual(imported);
      expect((await keyOf(key.keyId)).certificates).toHaveLength(2);
      await restart();
      expect(await update.retire()).toEqual({ status: 200, body: { retired: true } });
      await restart();
      expect(await update.retire()).toEqual({ status: 200, body: { retired: false } });
      // A request for the finished key update finds no old certificate any more.
      expect((await update.request()).body).toMatchObject({ error: { code: "CERTIFICATE_NOT_FOUND" } });
      expect((await currentCertificate(key.keyId)).serialNumber).toBe(issued.serialNumber.toUpperCase());
      expect(await fixture.privateKeyCount(key.keyId)).toBe(1);
      expect(await signLogin(key, imported.body.certId as string)).toMatchObject({ ok: true });
    });

    it("refuses to retire before the renewed certificate is written, and keeps the old one usable", async () => {
      const key = fixture.keys[0]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      expect((await update.retire()).body).toMatchObject({ error: { code: "KEY_UPDATE_NOT_WRITTEN" } });
      const renewal = await update.request();
      const refused = await update.retire();
      expect([refused.status, (refused.body as unknown as ErrorBody).error.code]).toEqual([
        409,
        "KEY_UPDATE_NOT_WRITTEN",
      ]);
      expect(await signLogin(key, old.certId)).toMatchObject({ ok: true });
      const issued = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
      await update.importCertificate(issued.certificatePem);
      expect((await update.retire()).body).toEqual({ retired: true });
    });

    it("imports only a certificate for this key update's key", async () => {
      const key = fixture.keys[0]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const before = await update.importCertificate(old.pem);
      expect([before.status, (before.body as unknown as ErrorBody).error.code]).toEqual([
        404,
        "KEY_UPDATE_KEY_NOT_FOUND",
      ]);
      const renewal = await update.request();
      // The old certificate (another key's public key) and a CA certificate are refused.
      for (const pem of [old.pem, fixture.ca.issuingCertificatePem]) {
        const refused = await update.importCertificate(pem);
        expect([refused.status, (refused.body as unknown as ErrorBody).error.code]).toEqual([
          400,
          "KEY_UPDATE_CERTIFICATE_MISMATCH",
        ]);
      }
      const garbage = await update.importCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----");
      expect((garbage.body as unknown as ErrorBody).error.code).toBe("VALIDATION_FAILED");
      // A second certificate for the same key (a CA that issued twice) does not replace the first.
      const issued = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
      const twice = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
      expect((await update.importCertificate(issued.certificatePem)).status).toBe(200);
      const conflict = await update.importCertificate(twice.certificatePem);
      expect([conflict.status, (conflict.body as unknown as ErrorBody).error.code]).toEqual([
        409,
        "KEY_UPDATE_CONFLICT",
      ]);
      expect((await update.retire()).body).toEqual({ retired: true });
      expect((await currentCertificate(key.keyId)).serialNumber).toBe(issued.serialNumber.toUpperCase());
    });

    it("refuses to retire anything but the renewed certificate's predecessor", async () => {
      const key = fixture.keys[1]!;
      const { old, update } = await renewUpToImport(key);
      // Another key update's pending key has no certificate: not the predecessor, never deleted by a retire.
      const other = keyUpdate(key, old.certId);
      expect((await other.request()).status).toBe(200);
      for (const certId of [keyUpdateObjectId(other.keyUpdateId), keyUpdateObjectId(update.keyUpdateId)]) {
        const refused = await update.retire(key.pin, certId);
        expect([refused.status, (refused.body as unknown as ErrorBody).error.code]).toEqual([
          400,
          "KEY_UPDATE_OLD_CERTIFICATE_MISMATCH",
        ]);
      }
      expect(await fixture.privateKeyCount(key.keyId)).toBe(3);
      expect((await update.retire()).body).toEqual({ retired: true });
      expect(await fixture.privateKeyCount(key.keyId)).toBe(2);
      // The abandoned key update's key pair is reused if that key update resumes, so it stays.
      expect((await other.request()).body).toMatchObject({ error: { code: "CERTIFICATE_NOT_FOUND" } });
    });

    it("changes nothing on a wrong PIN at any step, and tells the tries left", async () => {
      const key = fixture.keys[0]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const wrongRequest = await update.request("000000");
      expect(wrongRequest).toEqual({
        status: 400,
        body: { error: { code: "PIN_INCORRECT", message: "CA 锁密码错误，还可尝试 5 次", triesLeft: 5 } },
      });
      expect(await fixture.privateKeyCount(key.keyId)).toBe(1);

      const renewal = await update.request();
      expect(renewal.body.generated).toBe(true);
      const issued = await update.issue(renewal.body as KeybridgeRenewalResponse, old.pem);
      expect((await update.importCertificate(issued.certificatePem, "000000")).body).toMatchObject({
        error: { code: "PIN_INCORRECT", triesLeft: 5 },
      });
      expect((await keyOf(key.keyId)).certificates.map((c) => c.certId)).toEqual([old.certId]);
      expect((await update.importCertificate(issued.certificatePem)).status).toBe(200);

      expect((await update.retire("000000")).body).toMatchObject({ error: { code: "PIN_INCORRECT", triesLeft: 5 } });
      expect((await update.retire("000000")).body).toMatchObject({ error: { code: "PIN_INCORRECT", triesLeft: 4 } });
      expect((await keyOf(key.keyId)).certificates).toHaveLength(2);
      expect(await signLogin(key, old.certId)).toMatchObject({ ok: true });
      expect((await keyOf(key.keyId)).pinTriesLeft).toBe(6);
      expect((await update.retire()).body).toEqual({ retired: true });
    });

    it("checks the body, the PIN's format, the key update id and the origin like the login route", async () => {
      const key = fixture.keys[0]!;
      const old = await currentCertificate(key.keyId);
      const path = `/v1/keys/${encodeURIComponent(key.keyId)}/key-updates`;
      const body = { certId: old.certId, pin: key.pin, keyUpdateId: randomUUID(), nonce: "n".repeat(43) };
      const cases: [unknown, string][] = [
        [{ ...body, pin: "12" }, "PIN_INVALID_FORMAT"],
        [{ ...body, nonce: "short" }, "VALIDATION_FAILED"],
        [{ ...body, keyUpdateId: "../../etc" }, "VALIDATION_FAILED"],
        [{ ...body, certId: "abcdef" }, "CERTIFICATE_NOT_FOUND"],
      ];
      for (const [payload, code] of cases) {
        expect((await post(path, payload)).body).toMatchObject({ error: { code } });
      }
      expect((await post(`${path}/not-an-id/retire`, { pin: key.pin, oldCertId: old.certId })).body).toMatchObject({
        error: { code: "VALIDATION_FAILED" },
      });
      expect((await post("/v1/keys/NO-SUCH-KEY/key-updates", body)).body).toMatchObject({
        error: { code: "KEY_NOT_FOUND" },
      });
      const foreign = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(foreign.status).toBe(403);
      expect(await fixture.privateKeyCount(key.keyId)).toBe(1);
      expect((await keyOf(key.keyId)).pinTriesLeft).toBe(6);
    });

    it("counts wrong PINs on the key-update routes down to the lock", async () => {
      const key = fixture.keys[fixture.keys.length - 1]!;
      const old = await currentCertificate(key.keyId);
      const update = keyUpdate(key, old.certId);
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const { status, body } = await update.request("000000");
        seen.push([status, (body as unknown as ErrorBody).error.code]);
      }
      expect(seen.at(-1)).toEqual([423, "PIN_LOCKED"]);
      expect((await update.request()).status).toBe(423);
      expect(await fixture.privateKeyCount(key.keyId)).toBe(1);
    });
  });
}
