import type { DbOrTx } from "../../db/database";

/** A vendor's trusted roots (the anchors its renewed certificates, and logins with them, verify to). */
export async function listVendorRoots(db: DbOrTx, vendorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("trusted_certificates")
    .select("certificate_pem")
    .where("vendor_id", "=", vendorId)
    .where("kind", "=", "root")
    .execute();
  return rows.map((row) => row.certificate_pem);
}
