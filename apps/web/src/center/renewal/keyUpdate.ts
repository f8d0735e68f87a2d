import type { KeybridgeCertificate, KeybridgeKey } from "@lnca/contracts";

/** The progress display of 【自助年检】 (guide §四(二) step 9), one entry per step of the protocol. */
export const KEY_UPDATE_STEPS = ["生成密钥", "生成证书请求", "CA 签发", "写入证书", "确认"] as const;
export type KeyUpdatePhase = 0 | 1 | 2 | 3 | 4;

/** Serials compare as numbers: the server writes lowercase hex without leading zeros, the keybridge uppercase. */
export function sameSerial(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^0-9a-f]/g, "")
      .replace(/^0+(?=.)/, "");
  return norm(a) === norm(b);
}

export interface PaidCertificateOnKey {
  key: KeybridgeKey;
  certificate: KeybridgeCertificate;
}

/** The inserted key that holds the paid certificate (by serial), or null: the user must insert another key. */
export function findCertificateOnKeys(
  keys: readonly KeybridgeKey[],
  serialNumber: string,
): PaidCertificateOnKey | null {
  for (const key of keys) {
    const certificate = key.certificates.find((c) => sameSerial(c.serialNumber, serialNumber));
    if (certificate) return { key, certificate };
  }
  return null;
}

/**
 * A confirmed key update whose old key is still to be deleted from the key (the browser was closed, or the key
 * pulled, between the confirmation and the deletion). Kept in the browser until the deletion is done: the
 * server's part is over, the item no longer listed.
 */
export interface PendingRetire {
  keyUpdateId: string;
  oldSerial: string;
  holderName: string;
}

const RETIRE_KEY = "lnca.keyUpdates.pendingRetire";

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export function pendingRetires(storage: KeyValueStore = window.localStorage) {
  const read = (): PendingRetire[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(RETIRE_KEY) ?? "[]");
      return Array.isArray(parsed) ? (parsed as PendingRetire[]) : [];
    } catch {
      return [];
    }
  };
  return {
    list: read,
    remember(entry: PendingRetire): void {
      storage.setItem(
        RETIRE_KEY,
        JSON.stringify([...read().filter((e) => e.keyUpdateId !== entry.keyUpdateId), entry]),
      );
    },
    forget(keyUpdateId: string): void {
      storage.setItem(RETIRE_KEY, JSON.stringify(read().filter((e) => e.keyUpdateId !== keyUpdateId)));
    },
  };
}
