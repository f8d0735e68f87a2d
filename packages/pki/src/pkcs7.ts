/**
 * CMS "certs-only" messages (RFC 5272 §4.1 Simple PKI Response; what EST answers from /cacerts and
 * /simpleenroll, /simplereenroll, RFC 7030 §4.1.3 and §4.2.3): a degenerate SignedData with certificates and
 * no content and no signers.
 */
import {
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  id_data,
  id_signedData,
  SignedData,
} from "@peculiar/asn1-cms";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { PkiError } from "./errors";
import { derToPem, pemToDer } from "./pem";

/** The DER of a certs-only message holding these certificates, in this order. */
export function certsOnlyToDer(certificatesPem: readonly string[]): Uint8Array {
  const signedData = new SignedData({ version: 1 });
  signedData.encapContentInfo.eContentType = id_data; // eContent absent: a degenerate SignedData
  signedData.certificates = new CertificateSet(
    certificatesPem.map(
      (pem) => new CertificateChoices({ certificate: AsnConvert.parse(pemToDer(pem, "CERTIFICATE"), Certificate) }),
    ),
  );
  const contentInfo = new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) });
  return new Uint8Array(AsnConvert.serialize(contentInfo));
}

/**
 * The certificates of a certs-only message, as PEM, in message order. Refuses (PkiError "malformed") anything
 * else: another content type, a SignedData with content or signers (a signed message is not certs-only), or
 * no certificate at all.
 */
export function parseCertsOnly(der: Uint8Array): string[] {
  let signedData: SignedData;
  try {
    const contentInfo = AsnConvert.parse(der, ContentInfo);
    if (contentInfo.contentType !== id_signedData) throw new Error(`content type ${contentInfo.contentType}`);
    signedData = AsnConvert.parse(contentInfo.content, SignedData);
  } catch (error) {
    throw new PkiError("malformed", "not a CMS SignedData message", { cause: error });
  }
  if (signedData.signerInfos.length > 0 || signedData.encapContentInfo.eContent?.single?.byteLength) {
    throw new PkiError("malformed", "a signed CMS message, not certs-only");
  }
  const certificates = (signedData.certificates ?? [])
    .filter((choice) => choice.certificate)
    .map((choice) => derToPem(AsnConvert.serialize(choice.certificate), "CERTIFICATE"));
  if (certificates.length === 0) throw new PkiError("malformed", "a certs-only message without certificates");
  return certificates;
}
