import "reflect-metadata";
import { createHash, createPublicKey } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as graphene from "graphene-pk11";
import { certificateNotFound } from "../errors";
import type { KeyAlgorithm } from "./backend";

/** DER of the OID prime256v1 (1.2.840.10045.3.1.7), the CKA_EC_PARAMS of a P-256 key. */
const P256_PARAMS = Buffer.from("06082a8648ce3d030107", "hex");

export interface TokenCertificate {
  id: string;
  der: Buffer;
  parsed: x509.X509Certificate;
  isAuthority: boolean;
}

/** CKA_ID as it appears in the API: lower-case hex. Anything else cannot name an object on this key. */
export function idBytes(id: string): Buffer {
  if (!/^(?:[0-9a-fA-F]{2}){1,64}$/.test(id)) throw certificateNotFound();
  return Buffer.from(id, "hex");
}

/** All X.509 certificates on the token (public objects: readable before login). */
export function readCertificates(session: graphene.Session): TokenCertificate[] {
  const found = session.find({ class: graphene.ObjectClass.CERTIFICATE, certType: graphene.CertificateType.X_509 });
  const certificates: TokenCertificate[] = [];
  for (let i = 0; i < found.length; i++) {
    const attributes = found.items(i).getAttribute({ id: null, value: null });
    const der = attributes.value as Buffer;
    const parsed = new x509.X509Certificate(der);
    const basic = parsed.getExtension(x509.BasicConstraintsExtension);
    certificates.push({ id: (attributes.id as Buffer).toString("hex"), der, parsed, isAuthority: basic?.ca === true });
  }
  return certificates;
}

/** Intermediate CA certificates on the token above `leaf`, nearest first (self-signed roots left out). */
export function chainFor(leaf: TokenCertificate, all: TokenCertificate[]): string[] {
  const chain: string[] = [];
  let current = leaf.parsed;
  for (let depth = 0; depth < 5; depth++) {
    const issuer = all.find((c) => c.isAuthority && c.parsed.subject === current.issuer && c.parsed !== current);
    if (!issuer || issuer.parsed.subject === issuer.parsed.issuer) break;
    chain.push(issuer.parsed.toString("pem"));
    current = issuer.parsed;
  }
  return chain;
}

export function keyPairTemplates(algorithm: KeyAlgorithm, id: Buffer, label = `lnca-${id.toString("hex")}`) {
  const common = { token: true, id, label };
  const privateTemplate = { ...common, private: true, sensitive: true, extractable: false, sign: true };
  if (algorithm === "EC-P256") {
    return {
      mechanism: graphene.KeyGenMechanism.EC,
      publicTemplate: { ...common, keyType: graphene.KeyType.EC, verify: true, paramsEC: P256_PARAMS },
      privateTemplate: { ...privateTemplate, keyType: graphene.KeyType.EC },
    };
  }
  return {
    mechanism: graphene.KeyGenMechanism.RSA,
    publicTemplate: {
      ...common,
      keyType: graphene.KeyType.RSA,
      verify: true,
      modulusBits: 2048,
      publicExponent: Buffer.from([1, 0, 1]),
    },
    privateTemplate: { ...privateTemplate, keyType: graphene.KeyType.RSA },
  };
}

/** SPKI DER of a public-key object, for CSRs and for checking that a certificate belongs to the key. */
export function publicKeySpki(publicKey: graphene.SessionObject): Buffer {
  const { keyType } = publicKey.getAttribute({ keyType: null });
  if (keyType === graphene.KeyType.EC) {
    let point = publicKey.getAttribute({ pointEC: null }).pointEC as Buffer;
    // CKA_EC_POINT is usually a DER OCTET STRING around the uncompressed point 04‖X‖Y.
    if (point[0] === 0x04 && point[1] === point.length - 2) point = point.subarray(2);
    if (point.length !== 65 || point[0] !== 0x04) throw new Error("unsupported EC point");
    const jwk = { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) };
    return createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "der" });
  }
  const { modulus, publicExponent } = publicKey.getAttribute({ modulus: null, publicExponent: null });
  const jwk = { kty: "RSA", n: b64url(modulus as Buffer), e: b64url(publicExponent as Buffer) };
  return createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "der" });
}

/** Template of a certificate object; CKA_SUBJECT and CKA_VALUE are required, issuer and serial help tools. */
export function certificateTemplate(der: Buffer, id: Buffer, label: string, authority: boolean) {
  const parsed = new x509.X509Certificate(der);
  return {
    class: graphene.ObjectClass.CERTIFICATE,
    certType: graphene.CertificateType.X_509,
    certCategory: authority ? 2 : 1,
    token: true,
    private: false,
    id,
    label,
    subject: Buffer.from(parsed.subjectName.toArrayBuffer()),
    issuer: Buffer.from(parsed.issuerName.toArrayBuffer()),
    serial: derInteger(Buffer.from(parsed.serialNumber, "hex")),
    value: der,
  };
}

export function spkiId(der: Buffer): Buffer {
  const spki = Buffer.from(new x509.X509Certificate(der).publicKey.rawData);
  return createHash("sha1").update(spki).digest();
}

function derInteger(bytes: Buffer): Buffer {
  const value = (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return Buffer.concat([Buffer.from([0x02, value.length]), value]);
}

function b64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}
