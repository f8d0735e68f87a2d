import type { RenewableCertificate } from "@lnca/contracts";
import { useSyncExternalStore } from "react";
import { newIdempotencyKey } from "./idempotencyKey";

/**
 * The renewal being put together across 选择证书 → 选择应用平台 → 订单确认. It lives in sessionStorage so a reload,
 * 【上一步】 or a lost answer to 【提交订单】 keeps it; it is the tab's own (another tab starts its own).
 */
export interface RenewalDraft {
  /** The chosen certificates as the list showed them (holder, vendor, current platforms). */
  certificates: RenewableCertificate[];
  /** Per certificate, the platforms ticked on 选择应用平台. */
  platformCodes: Record<string, string[]>;
  /** Sent with 【提交订单】; made anew whenever the selection changes, kept across retries of the same one. */
  idempotencyKey: string;
}

const STORAGE_KEY = "lnca.renewalDraft";
const EMPTY: RenewalDraft = { certificates: [], platformCodes: {}, idempotencyKey: "" };
const listeners = new Set<() => void>();
let cached: { text: string | null; draft: RenewalDraft } = { text: null, draft: EMPTY };

function read(): RenewalDraft {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (text === cached.text) return cached.draft;
  let draft = EMPTY;
  try {
    if (text) draft = { ...EMPTY, ...(JSON.parse(text) as RenewalDraft) };
  } catch {
    // A damaged entry starts the renewal again rather than breaking the page.
  }
  cached = { text, draft };
  return draft;
}

function write(draft: RenewalDraft | null): void {
  if (draft) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Chosen certificates: each keeps the platforms already ticked for it, else starts from its current ones. */
export function chooseCertificates(certificates: RenewableCertificate[]): void {
  const previous = read();
  const platformCodes: Record<string, string[]> = {};
  for (const certificate of certificates) {
    platformCodes[certificate.certificateId] =
      previous.platformCodes[certificate.certificateId] ?? certificate.platformCodes;
  }
  write({ certificates, platformCodes, idempotencyKey: newIdempotencyKey() });
}

export function choosePlatforms(certificateId: string, codes: string[]): void {
  const draft = read();
  write({
    ...draft,
    platformCodes: { ...draft.platformCodes, [certificateId]: codes },
    idempotencyKey: newIdempotencyKey(),
  });
}

/** After the order is made: the next renewal starts empty. */
export function clearRenewalDraft(): void {
  write(null);
}

export function useRenewalDraft(): RenewalDraft {
  return useSyncExternalStore(subscribe, read);
}

/** The platforms the certificate keeps (ticked), falling back to its current ones. */
export function platformsOf(draft: RenewalDraft, certificate: RenewableCertificate): string[] {
  return draft.platformCodes[certificate.certificateId] ?? certificate.platformCodes;
}
