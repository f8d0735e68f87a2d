/** The audit actions of key updates (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "key_update.opened": { renewalItemId: string; oldCertificateId: string };
    "key_update.reopened": { renewalItemId: string };
    "key_update.renewal_requested": { ca: string };
    "key_update.csr_received": { csrSha256: string; attempt: number };
    "key_update.issued": { serial: string; notAfter: string };
    "key_update.failed": { reason: string };
    "key_update.written": Record<string, never>;
    "key_update.confirmed": { newCertificateId: string; orderCompleted: boolean };
  }
}

export {};
