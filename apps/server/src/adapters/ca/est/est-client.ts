import { request } from "node:https";
import { rootCertificates } from "node:tls";
import { derToPem, parseCertsOnly, pemToDer } from "@lnca/pki";

/** The EST operations this client speaks (RFC 7030 §3.2.2): their path under `/.well-known/est[/label]`. */
type EstOperation = "cacerts" | "simpleenroll" | "simplereenroll";

export interface EstClientOptions {
  /** `https://host[:port]/.well-known/est`, optionally followed by the CA label (RFC 7030 §3.2.2). */
  baseUrl: string;
  /** The TLS client identity: its certificate (PEM, optionally followed by its chain) and private key (PEM). */
  clientCertificatePem: string;
  clientKeyPem: string;
  /**
   * Explicit trust anchors for the EST server's TLS certificate (RFC 7030 §3.6.1), added to Node's public
   * roots (the implicit database, §3.6.2): a vendor's EST server may carry a public TLS certificate or one of
   * its own CA.
   */
  serverTrustPem: readonly string[];
  timeoutMs?: number;
  /** Extra request headers on enrollment (the RA's note of the certificate being renewed). */
  headers?: Record<string, string>;
}

/** The server's answer was not a certificate: `status` says why (202: come back after `retryAfterSeconds`). */
export class EstError extends Error {
  override readonly name = "EstError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MAX_RESPONSE_BYTES = 1 << 20;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * An RFC 7030 client over node:https with TLS client authentication. Bodies are base64 DER both ways (RFC 8951:
 * base64 whatever Content-Transfer-Encoding says, whitespace allowed); responses are certs-only CMS.
 */
export class EstClient {
  constructor(private readonly options: EstClientOptions) {}

  /** The CA certificates (RFC 7030 §4.1), as PEM, in the server's order. */
  cacerts(): Promise<string[]> {
    return this.call("cacerts");
  }

  /** Enrolls a new subject (RFC 7030 §4.2.1): the issued certificate first, then anything sent with it. */
  simpleenroll(csrPem: string): Promise<string[]> {
    return this.call("simpleenroll", csrPem);
  }

  /** Renews or rekeys (RFC 7030 §4.2.2): the CSR's subject is the subject of the certificate being renewed. */
  simplereenroll(csrPem: string): Promise<string[]> {
    return this.call("simplereenroll", csrPem);
  }

  private async call(operation: EstOperation, csrPem?: string): Promise<string[]> {
    const body = csrPem === undefined ? undefined : base64Lines(pemToDer(csrPem, "CERTIFICATE REQUEST"));
    const response = await this.send(operation, body);
    if (response.status === 202) {
      const retryAfter = Number(response.headers["retry-after"]);
      throw new EstError(
        "the EST server accepted the request for later",
        202,
        Number.isFinite(retryAfter) ? retryAfter : null,
      );
    }
    if (response.status !== 200) {
      throw new EstError(
        `EST ${operation} answered ${response.status}: ${response.text.slice(0, 200)}`,
        response.status,
      );
    }
    const type = String(response.headers["content-type"] ?? "");
    if (!/^application\/pkcs7-mime\b/i.test(type)) {
      throw new EstError(`EST ${operation} answered ${type || "no content type"}, not application/pkcs7-mime`, 200);
    }
    try {
      return parseCertsOnly(Buffer.from(response.text.replace(/\s+/g, ""), "base64"));
    } catch (error) {
      throw new EstError(`EST ${operation} answered an unreadable certs-only message`, 200, null, { cause: error });
    }
  }

  private send(
    operation: EstOperation,
    body: string | undefined,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, "")}/${operation}`);
    if (url.protocol !== "https:") return Promise.reject(new EstError("EST needs an https:// URL", null));
    const headers: Record<string, string> = { accept: "application/pkcs7-mime" };
    if (body !== undefined) {
      Object.assign(headers, this.options.headers, {
        "content-type": "application/pkcs10",
        "content-transfer-encoding": "base64",
        "content-length": String(Buffer.byteLength(body)),
      });
    }
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: body === undefined ? "GET" : "POST",
          headers,
          cert: this.options.clientCertificatePem,
          key: this.options.clientKeyPem,
          ca: [...rootCertificates, ...this.options.serverTrustPem],
          minVersion: "TLSv1.2",
          timeout: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new EstError("EST response too large", res.statusCode ?? null));
            else chunks.push(chunk);
          });
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString("latin1"),
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new EstError(`EST ${operation} timed out`, null)));
      req.on("error", (error) =>
        reject(
          error instanceof EstError
            ? error
            : new EstError(`EST ${operation}: ${error.message}`, null, null, { cause: error }),
        ),
      );
      req.end(body);
    });
  }
}

/** Base64 in 64-character lines, as EST bodies are usually sent. */
function base64Lines(der: Uint8Array): string {
  return derToPem(der, "X").split("\n").slice(1, -2).join("\n");
}
