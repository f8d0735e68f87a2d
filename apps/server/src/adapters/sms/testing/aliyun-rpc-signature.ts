import { createHmac } from "node:crypto";

/**
 * Alibaba Cloud's RPC signature, Signature Version 1.0, written out from the documentation rather than taken
 * from @alicloud/pop-core: the fake gateway checks the sender's signature with it, and a check that reused the
 * client's own code could not catch a bug in that code.
 */

/** RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay literal (encodeURIComponent also spares !'()*). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Every parameter except Signature, sorted by name, `name=value` percent-encoded and joined with `&`. */
export function canonicalizedQueryString(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`)
    .join("&");
}

export function stringToSign(httpMethod: string, params: Record<string, string>): string {
  return `${httpMethod.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalizedQueryString(params))}`;
}

/** Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)); the trailing "&" is part of the documented key. */
export function rpcSignature(httpMethod: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign(httpMethod, params), "utf8").digest("base64");
}
