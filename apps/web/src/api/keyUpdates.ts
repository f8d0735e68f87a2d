import type { KeyUpdate, KeyUpdateCsrRequest } from "@lnca/contracts";
import { api } from "./client";

/**
 * 【自助年检】's steps on the server. Each one repeated after it happened answers the same key update, so the
 * page resumes a broken-off update from its status.
 */
export const keyUpdatesApi = {
  open: (renewalItemId: string) => api<KeyUpdate>("/key-updates", { method: "POST", body: { renewalItemId } }),
  get: (id: string) => api<KeyUpdate>(`/key-updates/${encodeURIComponent(id)}`),
  submitCsr: (id: string, request: KeyUpdateCsrRequest) =>
    api<KeyUpdate>(`/key-updates/${encodeURIComponent(id)}/csr`, { method: "POST", body: request }),
  written: (id: string) => api<KeyUpdate>(`/key-updates/${encodeURIComponent(id)}/written`, { method: "POST" }),
  confirm: (id: string) => api<KeyUpdate>(`/key-updates/${encodeURIComponent(id)}/confirm`, { method: "POST" }),
};
