import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import {
  certsOnlyToDer,
  createCsr,
  describeCertificate,
  exportPrivateKeyPem,
  generateKeyPair,
  parseCertificatePem,
} from "@lnca/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalProfile } from "../../../test/support/factories";
import { issueKey } from "../../../test/support/factories/keys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import type { BuiltinCaAdapter } from "./builtin-ca-adapter";
import { issueRaIdentity } from "./est/builtin-est-endpoint";
import { EstCaAdapter } from "./est-ca-adapter";

/** A vendor EST server that misbehaves as each test says: what the adapter must not take for a renewal. */
let answer: (path: string) => { status: number; headers?: Record<string, string>; certificates?: string[] };
let t: TestApp;
let server: Server;
let adapter: EstCaAdapter;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ca = t.ctx.ca as BuiltinCaAdapter;
  const keys = await generateKeyPair("EC-P256");
  const tls = await ca.issueServiceCertificate({
    purpose: "tls_server",
    commonName: "fake EST",
    publicKey: keys.publicKey,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    hostNames: ["localhost"],
  });
  server = createServer(
    { key: await exportPrivateKeyPem(keys.privateKey), cert: [tls.certificatePem, ...ca.chainPem].join("\n") },
    (req, res) => {
      req.resume();
      const reply = answer(req.url ?? "");
      res.writeHead(reply.status, {
        "content-type": "application/pkcs7-mime; smime-type=certs-only",
        ...reply.headers,
      });
      res.end(reply.certificates ? Buffer.from(certsOnlyToDer(reply.certificates)).toString("base64") : "");
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const ra = await issueRaIdentity(ca, clock, "test RA");
  adapter = new EstCaAdapter({
    vendorCode: "FAKE",
    estUrl: `https://localhost:${(server.address() as AddressInfo).port}/.well-known/est`,
    trustAnchors: async () => [ca.rootCertificatePem],
    clientIdentity: async () => ra,
    clock,
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function renewal() {
  const profile = personalProfile({ categoryCode: "project_lead" });
  const old = await issueKey(t.ctx, profile);
  const keys = await generateKeyPair("EC-P256");
  const csrPem = await createCsr({ keys, algorithm: "EC-P256", profile });
  const { reference } = await adapter.requestRenewal({ certificatePem: old.certificatePem });
  return { old, reference, csrPem };
}

describe("EST adapter: what a vendor answers", () => {
  it("takes a certificate for the CSR's key that chains to the vendor's root", async () => {
    const { reference, csrPem } = await renewal();
    const issued = await (t.ctx.ca as BuiltinCaAdapter).enroll(csrPem);
    answer = (path) => ({
      status: 200,
      certificates: path.endsWith("/cacerts")
        ? [...t.ctx.ca.chainPem, t.ctx.ca.rootCertificatePem]
        : [issued.certificatePem],
    });
    const renewed = await adapter.download({ reference, csrPem });
    expect(describeCertificate(renewed.certificatePem).fingerprintSha256).toBe(
      describeCertificate(issued.certificatePem).fingerprintSha256,
    );
    expect(renewed.chainPem).toEqual(t.ctx.ca.chainPem.map((pem) => parseCertificatePem(pem).toString("pem")));
  });

  it("refuses a certificate for another key, or one that does not chain to the vendor's roots", async () => {
    const { old, reference, csrPem } = await renewal();
    answer = (path) => ({
      status: 200,
      certificates: path.endsWith("/cacerts") ? t.ctx.ca.chainPem : [old.certificatePem],
    });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RESPONSE_INVALID" });

    // Issued for the right key, but by a CA the vendor's roots do not vouch for (the /cacerts chain left out).
    const issued = await (t.ctx.ca as BuiltinCaAdapter).enroll(csrPem);
    answer = (path) => ({
      status: 200,
      certificates: path.endsWith("/cacerts") ? [old.certificatePem] : [issued.certificatePem],
    });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RESPONSE_INVALID" });
    expect(describeCertificate(issued.certificatePem).subject).toBe(describeCertificate(old.certificatePem).subject);
  });

  it("reports a deferred issuance, a refusal and a broken answer each with its code", async () => {
    const { reference, csrPem } = await renewal();
    answer = (path) =>
      path.endsWith("/cacerts")
        ? { status: 200, certificates: t.ctx.ca.chainPem }
        : { status: 202, headers: { "retry-after": "60" } };
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RENEWAL_PENDING" });
    answer = () => ({ status: 403 });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RENEWAL_REFUSED" });
    answer = () => ({ status: 200 });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RESPONSE_INVALID" });
    answer = () => ({ status: 503 });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_UNAVAILABLE" });
  });
});
