/**
 * The built-in CA's own state (sealed keys, CRL number). Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";

export interface CaAuthoritiesTable {
  id: string;
  name: string;
  state: string;
  crl_number: Generated<number>;
  created_at: string;
}
