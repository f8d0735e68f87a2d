import type { KeyUpdate, KeyUpdateStatus } from "@lnca/contracts";
import type { KeyUpdateRow } from "./keyupdates.queries";

/** From here on the CA has signed: the same certificate is delivered again, never issued again. */
const ISSUED: readonly KeyUpdateStatus[] = ["issued", "written", "confirmed"];
export const isIssued = (row: KeyUpdateRow) => ISSUED.includes(row.status);

/** The certificate being renewed, as the key update's steps and its answer need it. */
export interface OldCertificate {
  id: string;
  pem: string;
  status: string;
  vendorId: string | null;
  serialNumber: string;
  holderName: string;
  notAfter: string | null;
  holderUserId: string | null;
}

/** The answer of every step: the status, the nonce to prove over, the renewed certificate once issued. */
export function view(row: KeyUpdateRow, old: OldCertificate): KeyUpdate {
  const issued = isIssued(row) && row.new_certificate_pem && row.new_not_after;
  return {
    id: row.id,
    renewalItemId: row.renewal_item_id,
    status: row.status,
    nonce: row.nonce,
    oldCertificate: { serialNumber: old.serialNumber, holderName: old.holderName, notAfter: old.notAfter },
    newCertificate: issued
      ? {
          certificatePem: row.new_certificate_pem as string,
          chainPem: JSON.parse(row.new_chain_pem ?? "[]") as string[],
          notAfter: row.new_not_after as string,
        }
      : null,
  };
}
