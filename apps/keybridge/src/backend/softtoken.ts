import { createPublicKey, generateKeyPairSync, sign, X509Certificate } from "node:crypto";
import type { KeybridgeCertificate, KeybridgeKey } from "@lnca/contracts";
import {
  readSoftTokenFile,
  SoftTokenError,
  type SoftTokenFile,
  type UnlockedSoftToken,
  unlockSoftTokenItem,
  withUnlockedSoftToken,
} from "@lnca/pki/softtoken";
import { certificateNotFound, KeybridgeError, pinIncorrect, pinLocked, tokenError } from "../errors";
import type { KeyAlgorithm, KeybridgeBackend, TokenSession } from "./backend";
import {
  assertChallengeText,
  derToPem,
  describeCertificate,
  keyAlgorithmOf,
  signatureAlgorithmFor,
} from "./certificates";

/**
 * Keys from a soft-token file (see packages/pki/src/softtoken.ts). The file is read again on every call,
 * so keys written after the keybridge started (the demo seed) appear without a restart, and a missing
 * file simply means no key is inserted.
 */
export function createSoftTokenBackend(path: string): KeybridgeBackend {
  return {
    kind: "softtoken",

    async listKeys() {
      const file = await readIfPresent(path);
      return (file?.keys ?? []).map(
        (key): KeybridgeKey => ({
          keyId: key.keyId,
          label: key.label,
          manufacturer: key.manufacturer,
          model: key.model,
          pinTriesLeft: Math.max(0, key.maxPinTries - key.failedPinTries),
          pinLocked: key.failedPinTries >= key.maxPinTries,
          certificates: key.items
            .map((item) => (item.certificatePem ? describeCertificate(item.certId, item.certificatePem) : null))
            .filter((c): c is KeybridgeCertificate => c !== null),
        }),
      );
    },

    async signChallenge(keyId, certId, pin, challenge) {
      assertChallengeText(challenge);
      const unlocked = await mapErrors(() => unlockSoftTokenItem(path, keyId, certId, pin));
      const algorithm = keyAlgorithmOf(createPublicKey(unlocked.privateKey));
      if (!algorithm) throw tokenError("CA 锁中的密钥类型不受支持");
      return {
        // Node signs ECDSA as DER and RSA as PKCS#1 v1.5 by default: the two formats the server expects.
        signature: sign("sha256", Buffer.from(challenge, "utf8"), unlocked.privateKey),
        signatureAlgorithm: signatureAlgorithmFor(algorithm),
        certificatePem: unlocked.certificatePem,
        chainPem: unlocked.chainPem,
      };
    },

    generateKeyPair(keyId, pin, { algorithm, id }) {
      return mapErrors(() =>
        withUnlockedSoftToken(path, keyId, pin, (token) => {
          if (token.key.items.some((item) => item.certId === id)) throw new KeybridgeError("VALIDATION_FAILED", 409);
          const { privateKey, publicKey } = newKeyPair(algorithm);
          token.key.items.push({
            certId: id,
            certificatePem: null,
            chainPem: [],
            encryptedPrivateKey: token.sealPrivateKey(id, privateKey),
          });
          token.markChanged();
          return { publicKeySpkiDer: publicKey.export({ type: "spki", format: "der" }) };
        }),
      );
    },

    importCertificate(keyId, pin, { id, certificateDer, chainPem }) {
      return mapErrors(() =>
        withUnlockedSoftToken(path, keyId, pin, (token) => {
          const item = token.key.items.find((i) => i.certId === id);
          if (!item) throw new KeybridgeError("CERTIFICATE_NOT_FOUND", 404, "CA 锁中没有对应的密钥");
          const certificatePem = derToPem(certificateDer);
          const ownPublicKey = createPublicKey(token.decryptPrivateKey(item)).export({ type: "spki", format: "der" });
          const certPublicKey = createPublicKey(certificatePem).export({ type: "spki", format: "der" });
          if (!ownPublicKey.equals(certPublicKey))
            throw new KeybridgeError("VALIDATION_FAILED", 400, "证书与密钥不匹配");
          item.certificatePem = certificatePem;
          item.chainPem = chainPem ?? [];
          token.markChanged();
        }),
      );
    },

    deleteObjects(keyId, pin, id) {
      return mapErrors(() =>
        withUnlockedSoftToken(path, keyId, pin, (token) => {
          token.key.items = token.key.items.filter((item) => item.certId !== id);
          token.markChanged();
        }),
      );
    },

    withSession(keyId, pin, work) {
      return mapErrors(() => withUnlockedSoftToken(path, keyId, pin, (token) => work(softTokenSession(token))));
    },

    async close() {},
  };
}

/** The key-update view of an unlocked soft-token key; changes are written when the operation ends. */
function softTokenSession(token: UnlockedSoftToken): TokenSession {
  const itemOf = (id: string) => token.key.items.find((item) => item.certId === id);
  return {
    objects(id) {
      const item = itemOf(id);
      return {
        certificate: item?.certificatePem ? Buffer.from(new X509Certificate(item.certificatePem).raw) : null,
        publicKeySpkiDer: item
          ? createPublicKey(token.decryptPrivateKey(item)).export({ type: "spki", format: "der" })
          : null,
        hasPrivateKey: item !== undefined,
      };
    },

    generateKeyPair(id, algorithm) {
      const { privateKey, publicKey } = newKeyPair(algorithm);
      token.key.items.push({
        certId: id,
        certificatePem: null,
        chainPem: [],
        encryptedPrivateKey: token.sealPrivateKey(id, privateKey),
      });
      token.markChanged();
      return publicKey.export({ type: "spki", format: "der" });
    },

    sign(id, _algorithm, data) {
      const item = itemOf(id);
      if (!item) throw certificateNotFound();
      // Node signs ECDSA as DER and RSA as PKCS#1 v1.5 by default.
      return sign("sha256", data, token.decryptPrivateKey(item));
    },

    storeCertificate(id, certificateDer, _label, chainPem) {
      const item = itemOf(id);
      if (!item) throw certificateNotFound();
      item.certificatePem = derToPem(certificateDer);
      item.chainPem = chainPem;
      token.markChanged();
    },

    destroy(id) {
      token.key.items = token.key.items.filter((item) => item.certId !== id);
      token.markChanged();
    },
  };
}

function newKeyPair(algorithm: KeyAlgorithm) {
  return algorithm === "EC-P256"
    ? generateKeyPairSync("ec", { namedCurve: "P-256" })
    : generateKeyPairSync("rsa", { modulusLength: 2048 });
}

async function readIfPresent(path: string): Promise<SoftTokenFile | null> {
  try {
    return await readSoftTokenFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function mapErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new KeybridgeError("KEY_NOT_FOUND", 404);
    if (!(error instanceof SoftTokenError)) throw error;
    switch (error.code) {
      case "PIN_INCORRECT":
        throw pinIncorrect(error.triesLeft ?? null);
      case "PIN_LOCKED":
        throw pinLocked();
      default:
        throw new KeybridgeError(error.code, 404);
    }
  }
}
