import { X509Certificate } from "node:crypto";
import type { KeybridgeCertificate, KeybridgeKey } from "@lnca/contracts";
import * as graphene from "graphene-pk11";
import { certificateNotFound, KeybridgeError, keyNotFound, pinIncorrect, pinLocked, tokenError } from "../errors";
import type { KeybridgeBackend } from "./backend";
import { assertChallengeText, describeCertificate, keyAlgorithmOf, signatureAlgorithmFor } from "./certificates";
import { PinFailureCounter } from "./pin-counter";
import {
  certificateTemplate,
  chainFor,
  idBytes,
  keyPairTemplates,
  publicKeySpki,
  readCertificates,
  spkiId,
} from "./pkcs11-objects";
import { pkcs11TokenSession, signOnToken } from "./pkcs11-session";

export interface Pkcs11BackendOptions {
  /** The vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  modulePath: string;
  /** Where the keybridge keeps its own wrong-PIN counters. */
  stateDir: string;
}

const { TokenFlag, SessionFlag, ObjectClass } = graphene;

/**
 * USB keys through a PKCS#11 module (graphene-pk11). keyId = token serial number; certId = hex CKA_ID
 * shared by a certificate and its private key. Each operation opens a session, logs in, works, logs out
 * and closes the session; operations run one at a time. The module is loaded and initialised once per
 * process (SoftHSM2 reads SOFTHSM2_CONF at that moment, so set it before the first backend is created).
 */
export function createPkcs11Backend(options: Pkcs11BackendOptions): KeybridgeBackend {
  const module = acquireModule(options.modulePath);
  const counter = new PinFailureCounter(options.stateDir);
  let queue: Promise<unknown> = Promise.resolve();

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function presentTokens() {
    const slots = module.getSlots(true);
    const found: { slot: graphene.Slot; token: graphene.Token }[] = [];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots.items(i);
      const token = slot.getToken();
      if (token.flags & TokenFlag.TOKEN_INITIALIZED) found.push({ slot, token });
    }
    return found;
  }

  function findToken(keyId: string) {
    const found = presentTokens().find(({ token }) => token.serialNumber === keyId);
    if (!found) throw keyNotFound();
    return found;
  }

  /** The token's own flags win when they say something exact; otherwise our counter. */
  async function triesLeft(token: graphene.Token): Promise<number> {
    if (token.flags & TokenFlag.USER_PIN_LOCKED) return 0;
    const own = await counter.triesLeft(token.serialNumber);
    return token.flags & TokenFlag.USER_PIN_FINAL_TRY ? Math.min(1, own) : own;
  }

  /** Opens a session, lets `beforeLogin` read public objects, logs in with the PIN, runs `work`, cleans up. */
  function withLogin<P, T>(
    keyId: string,
    pin: string,
    write: boolean,
    beforeLogin: (session: graphene.Session) => P,
    work: (session: graphene.Session, prepared: P) => T | Promise<T>,
  ): Promise<T> {
    return serialized(async () => {
      const { slot, token } = findToken(keyId);
      if ((await triesLeft(token)) === 0) throw pinLocked();
      const session = slot.open(SessionFlag.SERIAL_SESSION | (write ? SessionFlag.RW_SESSION : 0));
      try {
        const prepared = beforeLogin(session);
        try {
          session.login(pin, graphene.UserType.USER);
        } catch (error) {
          throw await loginError(error, slot);
        }
        await counter.reset(keyId);
        try {
          // Awaited here so that an asynchronous `work` finishes before the logout below.
          return await work(session, prepared);
        } finally {
          session.logout();
        }
      } finally {
        session.close();
      }
    });
  }

  async function loginError(error: unknown, slot: graphene.Slot): Promise<KeybridgeError> {
    const name = (error as Error).message;
    if (name === "CKR_PIN_LOCKED") return pinLocked();
    if (name === "CKR_PIN_LEN_RANGE") return new KeybridgeError("PIN_INVALID_FORMAT", 400);
    if (name !== "CKR_PIN_INCORRECT") return tokenError();
    const token = slot.getToken();
    await counter.recordFailure(token.serialNumber);
    return pinIncorrect(await triesLeft(token));
  }

  return {
    kind: "pkcs11",

    listKeys() {
      return serialized(async () => {
        const keys: KeybridgeKey[] = [];
        for (const { slot, token } of presentTokens()) {
          const session = slot.open(SessionFlag.SERIAL_SESSION);
          let certificates: KeybridgeCertificate[];
          try {
            certificates = readCertificates(session)
              .filter((c) => !c.isAuthority)
              .map((c) => describeCertificate(c.id, c.parsed.toString("pem")))
              .filter((c): c is KeybridgeCertificate => c !== null);
          } finally {
            session.close();
          }
          const left = await triesLeft(token);
          keys.push({
            keyId: token.serialNumber,
            label: token.label,
            manufacturer: token.manufacturerID,
            model: token.model,
            pinTriesLeft: left,
            pinLocked: left === 0,
            certificates,
          });
        }
        return keys;
      });
    },

    async signChallenge(keyId, certId, pin, challenge) {
      assertChallengeText(challenge);
      const id = idBytes(certId);
      const prepare = (session: graphene.Session) => {
        const all = readCertificates(session);
        const leaf = all.find((c) => c.id === id.toString("hex") && !c.isAuthority);
        if (!leaf) throw certificateNotFound();
        const algorithm = keyAlgorithmOf(new X509Certificate(leaf.der).publicKey);
        if (!algorithm) throw tokenError("CA 锁中的密钥类型不受支持");
        return { leaf, algorithm, chainPem: chainFor(leaf, all) };
      };
      return withLogin(keyId, pin, false, prepare, (session, { leaf, algorithm, chainPem }) => {
        const privateKey = session.find({ class: ObjectClass.PRIVATE_KEY, id });
        if (privateKey.length === 0) throw certificateNotFound();
        const key = privateKey.items(0).toType<graphene.PrivateKey>();
        const signature = signOnToken(session, key, algorithm, Buffer.from(challenge, "utf8"));
        return {
          signature,
          signatureAlgorithm: signatureAlgorithmFor(algorithm),
          certificatePem: leaf.parsed.toString("pem"),
          chainPem,
        };
      });
    },

    async generateKeyPair(keyId, pin, { algorithm, id }) {
      const idBuffer = idBytes(id);
      return withLogin(keyId, pin, true, noop, (session) => {
        if (session.find({ id: idBuffer }).length > 0)
          throw new KeybridgeError("VALIDATION_FAILED", 409, "该标识已被占用");
        const { mechanism, publicTemplate, privateTemplate } = keyPairTemplates(algorithm, idBuffer);
        const pair = session.generateKeyPair(mechanism, publicTemplate, privateTemplate);
        return { publicKeySpkiDer: publicKeySpki(pair.publicKey) };
      });
    },

    async importCertificate(keyId, pin, { id, certificateDer, label, chainPem }) {
      const idBuffer = idBytes(id);
      return withLogin(keyId, pin, true, noop, (session) => {
        const publicKeys = session.find({ class: ObjectClass.PUBLIC_KEY, id: idBuffer });
        if (publicKeys.length === 0) throw new KeybridgeError("CERTIFICATE_NOT_FOUND", 404, "CA 锁中没有对应的密钥");
        const certificateSpki = new X509Certificate(certificateDer).publicKey.export({ type: "spki", format: "der" });
        if (!publicKeySpki(publicKeys.items(0)).equals(certificateSpki)) {
          throw new KeybridgeError("VALIDATION_FAILED", 400, "证书与密钥不匹配");
        }
        if (session.find({ class: ObjectClass.CERTIFICATE, id: idBuffer }).length > 0) {
          throw new KeybridgeError("VALIDATION_FAILED", 409, "该密钥已有证书");
        }
        session.create(certificateTemplate(certificateDer, idBuffer, label, false));
        for (const pem of chainPem ?? []) {
          const der = Buffer.from(new X509Certificate(pem).raw);
          if (session.find({ class: ObjectClass.CERTIFICATE, value: der }).length > 0) continue;
          session.create(certificateTemplate(der, spkiId(der), "CA", true));
        }
      });
    },

    async deleteObjects(keyId, pin, id) {
      const idBuffer = idBytes(id);
      return withLogin(keyId, pin, true, noop, (session) => {
        session.destroy({ id: idBuffer });
      });
    },

    withSession(keyId, pin, work) {
      return withLogin(keyId, pin, true, noop, (session) => work(pkcs11TokenSession(session)));
    },

    async close() {
      await queue;
      releaseModule(options.modulePath);
    },
  };
}

/**
 * A module is loaded and initialised once per process however many backends use it: C_Initialize may be
 * called only once, and C_Finalize would pull the module from under every other user.
 */
const loadedModules = new Map<string, { module: graphene.Module; users: number }>();

function acquireModule(modulePath: string): graphene.Module {
  let entry = loadedModules.get(modulePath);
  if (!entry) {
    const module = graphene.Module.load(modulePath, "pkcs11");
    module.initialize();
    entry = { module, users: 0 };
    loadedModules.set(modulePath, entry);
  }
  entry.users++;
  return entry.module;
}

function releaseModule(modulePath: string): void {
  const entry = loadedModules.get(modulePath);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  loadedModules.delete(modulePath);
  entry.module.finalize();
}

function noop(): void {}
