import { createHash, X509Certificate } from "node:crypto";
import * as graphene from "graphene-pk11";
import { certificateNotFound } from "../errors";
import type { KeyAlgorithm, TokenSession } from "./backend";
import { ecdsaRawToDer } from "./certificates";
import {
  certificateTemplate,
  idBytes,
  keyPairTemplates,
  publicKeySpki,
  readCertificates,
  spkiId,
} from "./pkcs11-objects";

const { ObjectClass } = graphene;

/** SHA-256 signature on the token: DER for ECDSA, PKCS#1 v1.5 for RSA. */
export function signOnToken(
  session: graphene.Session,
  key: graphene.PrivateKey,
  algorithm: KeyAlgorithm,
  data: Uint8Array,
): Buffer {
  const bytes = Buffer.from(data);
  // Debian's SoftHSM 2.6.1 lacks CKM_ECDSA_SHA256: hash here, sign the digest with raw CKM_ECDSA.
  return algorithm === "EC-P256"
    ? ecdsaRawToDer(session.createSign("ECDSA", key).once(createHash("sha256").update(bytes).digest()))
    : session.createSign("SHA256_RSA_PKCS", key).once(bytes);
}

/** The key-update view of a logged-in read-write PKCS#11 session. */
export function pkcs11TokenSession(session: graphene.Session): TokenSession {
  const first = (template: graphene.ITemplate) => {
    const found = session.find(template);
    return found.length > 0 ? found.items(0) : null;
  };

  return {
    objects(id) {
      const hex = idBytes(id).toString("hex");
      const certificate = readCertificates(session).find((c) => c.id === hex && !c.isAuthority);
      const publicKey = first({ class: ObjectClass.PUBLIC_KEY, id: idBytes(id) });
      return {
        certificate: certificate?.der ?? null,
        publicKeySpkiDer: publicKey ? publicKeySpki(publicKey) : null,
        hasPrivateKey: first({ class: ObjectClass.PRIVATE_KEY, id: idBytes(id) }) !== null,
      };
    },

    generateKeyPair(id, algorithm, label) {
      const { mechanism, publicTemplate, privateTemplate } = keyPairTemplates(algorithm, idBytes(id), label);
      return publicKeySpki(session.generateKeyPair(mechanism, publicTemplate, privateTemplate).publicKey);
    },

    sign(id, algorithm, data) {
      const key = first({ class: ObjectClass.PRIVATE_KEY, id: idBytes(id) });
      if (!key) throw certificateNotFound();
      return signOnToken(session, key.toType<graphene.PrivateKey>(), algorithm, data);
    },

    storeCertificate(id, certificateDer, label, chainPem) {
      session.create(certificateTemplate(certificateDer, idBytes(id), label, false));
      for (const pem of chainPem) {
        const der = Buffer.from(new X509Certificate(pem).raw);
        if (session.find({ class: ObjectClass.CERTIFICATE, value: der }).length > 0) continue;
        session.create(certificateTemplate(der, spkiId(der), "CA", true));
      }
    },

    destroy(id) {
      for (const objectClass of [ObjectClass.PRIVATE_KEY, ObjectClass.PUBLIC_KEY, ObjectClass.CERTIFICATE]) {
        session.destroy({ class: objectClass, id: idBytes(id) });
      }
    },
  };
}
