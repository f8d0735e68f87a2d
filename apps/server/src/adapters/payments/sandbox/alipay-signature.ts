import { createSign, createVerify } from "node:crypto";
import { alipaySigningString } from "../alipay/alipay-protocol";

const NOTIFY_EXCLUDED = ["sign", "sign_type"] as const;

function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign("RSA-SHA256").update(content, "utf8").sign(privateKeyPem, "base64");
}

/**
 * Signs an asynchronous notification (or return parameters) as Alipay does: RSA2 over every parameter but
 * `sign` and `sign_type`. With the sandbox's Alipay private key (data/sandbox/alipay/alipay_private_key.pem)
 * this makes a notification the server accepts; docs/OPERATIONS.md shows how.
 */
export function signAlipayNotification(
  params: Record<string, string>,
  alipayPrivateKeyPem: string,
): Record<string, string> {
  const { sign: _sign, ...unsigned } = params;
  const signed = { ...unsigned, sign_type: "RSA2" };
  return { ...signed, sign: rsa2Sign(alipaySigningString(signed, NOTIFY_EXCLUDED), alipayPrivateKeyPem) };
}

/** The form body Alipay POSTs: application/x-www-form-urlencoded, UTF-8. */
export function alipayNotificationBody(signedParams: Record<string, string>): string {
  return new URLSearchParams(signedParams).toString();
}

/** A merchant request's signature: RSA2 over every parameter but `sign` (sign_type included). */
export function verifyAlipayRequest(params: Record<string, string>, appPublicKeyPem: string): boolean {
  if (!params.sign || params.sign_type !== "RSA2") return false;
  return createVerify("RSA-SHA256")
    .update(alipaySigningString(params, ["sign"]), "utf8")
    .verify(appPublicKeyPem, params.sign, "base64");
}

/**
 * A gateway answer as Alipay writes it: `{"<method>_response":{…},"sign":"…"}`, the signature over the exact
 * JSON text of the `_response` object.
 */
export function signedAlipayResponse(
  responseKey: string,
  response: Record<string, string>,
  alipayPrivateKeyPem: string,
): string {
  const content = JSON.stringify(response);
  return `{${JSON.stringify(responseKey)}:${content},"sign":${JSON.stringify(rsa2Sign(content, alipayPrivateKeyPem))}}`;
}
