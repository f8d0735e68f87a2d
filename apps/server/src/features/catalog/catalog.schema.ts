/**
 * The catalog: certificate categories, trading platforms, vendors, service points. Column conventions:
 * db/schema.ts.
 */
import type { Generated } from "kysely";
import type { CaAdapterKind } from "../../adapters/ca/ca-adapter";
import type { Nullable } from "../../db/column-types";
import type { PlatformInteropColumns } from "../interop/interop.schema";

export interface CertificateCategoriesTable {
  code: string;
  name: string;
  holder_kind: "organization" | "personal";
  base_fee_fen: number;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The interop columns (keys, webhook secrets) are the interop feature's. */
export interface PlatformsTable extends PlatformInteropColumns {
  id: string;
  code: string;
  name: string;
  fee_fen: number;
  active: Generated<number>;
  sort_order: Generated<number>;
  webhook_url: Nullable<string>;
  webhook_secret_encrypted: Nullable<string>;
  interop_key_hash: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface VendorsTable {
  id: string;
  code: string;
  name: string;
  est_url: Nullable<string>;
  /** Which CA adapter renews this vendor's certificates (adapters/ca/ca-adapter.ts). */
  adapter: Generated<CaAdapterKind>;
  created_at: string;
  updated_at: string;
}

export interface ServicePointsTable {
  id: string;
  code: string;
  name: string;
  city: string;
  address: Nullable<string>;
  phone: Nullable<string>;
  created_at: string;
  updated_at: string;
}
