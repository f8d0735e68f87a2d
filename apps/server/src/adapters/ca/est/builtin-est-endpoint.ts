import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import {
  certsOnlyToDer,
  derToPem,
  describeCertificate,
  exportPrivateKeyPem,
  generateKeyPair,
  ID_KP_CMC_RA,
  parseCsr,
  TrustStore,
  x509,
} from "@lnca/pki";
import type { Logger } from "pino";
import type { Clock } from "../../../shared/clock";
import type { BuiltinCaAdapter } from "../builtin-ca-adapter";
import { RENEWED_CERTIFICATE_HEADER } from "../est-ca-adapter";

const PREFIX = "/.well-known/est/";
const MAX_BODY_BYTES = 64 * 1024;
const SERVICE_CERTIFICATE_MS = 365 * 86_400_000;

class EstRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The built-in CA's EST endpoint (RFC 7030) on its own TLS port: `/cacerts` for anyone, `/simplereenroll` for a
 * holder renewing its own certificate (TLS client authentication with it, the standard case) or for a
 * registration authority certified by this CA (id-kp-cmcRA) naming the certificate being renewed, and
 * `/simpleenroll` for a registration authority only. It is what the EST adapter is tested against, and what
 * the demo's vendors can be pointed at.
 */
export class BuiltinEstEndpoint {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: {
    ca: BuiltinCaAdapter;
    clock: Clock;
    logger: Logger;
    host: string;
    port: number;
    /** The names clients reach it by (its TLS certificate names them). */
    hostNames: string[];
  }): Promise<BuiltinEstEndpoint> {
    const { ca, clock } = options;
    const keys = await generateKeyPair("EC-P256");
    const now = clock.now();
    const tls = await ca.issueServiceCertificate({
      purpose: "tls_server",
      commonName: "EST",
      publicKey: keys.publicKey,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + SERVICE_CERTIFICATE_MS),
      hostNames: options.hostNames,
    });
    const handler = new EstHandler(ca, clock);
    const server = createServer(
      {
        key: await exportPrivateKeyPem(keys.privateKey),
        cert: [tls.certificatePem, ...ca.chainPem].join("\n"),
        ca: [ca.rootCertificatePem, ...ca.chainPem],
        // /cacerts needs no client certificate (RFC 7030 §4.1.1); enrollment checks its own.
        requestCert: true,
        rejectUnauthorized: false,
        minVersion: "TLSv1.2",
      },
      (req, res) => {
        handler.handle(req, res).catch((error: unknown) => {
          options.logger.error({ err: error }, "EST request failed");
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end("internal error\n");
        });
      },
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `https://${options.hostNames[0] ?? "localhost"}:${port}${PREFIX.slice(0, -1)}`;
    options.logger.info({ url }, "built-in CA EST endpoint started");
    return new BuiltinEstEndpoint(server, url);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

class EstHandler {
  constructor(
    private readonly ca: BuiltinCaAdapter,
    private readonly clock: Clock,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const operation = (req.url ?? "").split("?")[0]?.startsWith(PREFIX) ? req.url?.slice(PREFIX.length) : null;
      const certificates = await this.answer(operation ?? null, req);
      const body = Buffer.from(certsOnlyToDer(certificates)).toString("base64");
      res.writeHead(200, {
        "content-type": "application/pkcs7-mime; smime-type=certs-only",
        "content-transfer-encoding": "base64",
      });
      res.end(`${body.replace(/.{64}/g, "$&\n")}\n`);
    } catch (error) {
      if (!(error instanceof EstRefusal)) throw error;
      res.writeHead(error.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(`${error.message}\n`);
    }
  }

  private async answer(operation: string | null, req: IncomingMessage): Promise<string[]> {
    if (operation === "cacerts") {
      if (req.method !== "GET") throw new EstRefusal(405, "GET only");
      return [...this.ca.chainPem, this.ca.rootCertificatePem];
    }
    if (operation !== "simpleenroll" && operation !== "simplereenroll") throw new EstRefusal(404, "unknown operation");
    if (req.method !== "POST") throw new EstRefusal(405, "POST only");
    if (!/^application\/pkcs10\b/i.test(req.headers["content-type"] ?? "")) {
      throw new EstRefusal(415, "application/pkcs10 expected");
    }
    const client = await this.authenticatedClient(req.socket as TLSSocket);
    const csrPem = derToPem(Buffer.from((await readBody(req)).replace(/\s+/g, ""), "base64"), "CERTIFICATE REQUEST");
    const csr = readCsr(csrPem);
    if (operation === "simpleenroll") {
      if (!client.registrationAuthority) throw new EstRefusal(403, "enrollment is for registration authorities");
      return [(await this.ca.enroll(csrPem)).certificatePem];
    }
    const renewed = client.registrationAuthority ? await this.renewedCertificateNamedBy(req) : client.certificate;
    // RFC 7030 §4.2.2: the subject stays that of the certificate being renewed.
    if (csr.subject !== renewed.subject) {
      throw new EstRefusal(400, "the subject differs from the certificate being renewed");
    }
    const { reference } = await this.ca.requestRenewal({
      certificatePem: renewed.pem,
      notAfter: renewed.notAfter,
    });
    return [(await this.ca.download({ reference, csrPem })).certificatePem];
  }

  /** The TLS client's certificate, verified here too: chain, validity and this CA's current CRL. */
  private async authenticatedClient(socket: TLSSocket) {
    const peer = socket.getPeerCertificate();
    if (!peer?.raw) throw new EstRefusal(401, "a TLS client certificate is required");
    const pem = derToPem(peer.raw, "CERTIFICATE");
    const result = await (await this.trustStore()).validate({ leafPem: pem, chainPem: [], at: this.clock.now() });
    if (!result.ok) throw new EstRefusal(403, `client certificate ${result.reason}`);
    const usages = new x509.X509Certificate(pem).getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];
    return { certificate: { pem, ...result.description }, registrationAuthority: usages.includes(ID_KP_CMC_RA) };
  }

  /** An RA names the certificate it renews; it must be this CA's and not revoked (expiry is what renewal cures). */
  private async renewedCertificateNamedBy(
    req: IncomingMessage,
  ): Promise<{ pem: string; subject: string; notAfter: Date }> {
    const named = req.headers[RENEWED_CERTIFICATE_HEADER];
    if (typeof named !== "string") throw new EstRefusal(400, `${RENEWED_CERTIFICATE_HEADER} is required from an RA`);
    const pem = derToPem(Buffer.from(named, "base64"), "CERTIFICATE");
    let result: Awaited<ReturnType<TrustStore["validate"]>>;
    try {
      result = await (await this.trustStore()).validate({ leafPem: pem, chainPem: [], at: this.clock.now() });
    } catch {
      throw new EstRefusal(400, "the certificate being renewed is unreadable");
    }
    if (result.ok) return { pem, ...result.description };
    if (result.reason === "expired") return { pem, ...describeCertificate(pem) };
    throw new EstRefusal(403, `the certificate being renewed is ${result.reason}`);
  }

  private async trustStore(): Promise<TrustStore> {
    const crl = await this.ca.currentCrlDer();
    return new TrustStore({
      roots: [this.ca.rootCertificatePem],
      intermediates: this.ca.chainPem,
      crls: crl ? [crl] : [],
      requireCrlFor: "known-issuers",
    });
  }
}

function readCsr(pem: string) {
  try {
    const csr = parseCsr(pem);
    if (csr.signatureValid) return csr;
  } catch {
    // answered below
  }
  throw new EstRefusal(400, "not a PKCS#10 request signed by its own key");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new EstRefusal(413, "request too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("latin1");
}

/** An RA identity certified by the built-in CA: what a vendor issues to the platform, made here for the demo. */
export async function issueRaIdentity(ca: BuiltinCaAdapter, clock: Clock, commonName: string) {
  const keys = await generateKeyPair("EC-P256");
  const now = clock.now();
  const issued = await ca.issueServiceCertificate({
    purpose: "registration_authority",
    commonName,
    publicKey: keys.publicKey,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + SERVICE_CERTIFICATE_MS),
  });
  return { certificatePem: issued.certificatePem, keyPem: await exportPrivateKeyPem(keys.privateKey) };
}
