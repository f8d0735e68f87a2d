/**
 * The user accounts (people who signed in with a key or a mobile). Column conventions: db/schema.ts.
 */
import type { Nullable } from "../../db/column-types";

export interface UsersTable {
  id: string;
  mobile: string;
  name: Nullable<string>;
  /** Keyed hash of the resident ID number (unique); the number itself only sealed, in id_number_sealed. */
  id_number_hash: Nullable<string>;
  id_number_sealed: Nullable<string>;
  email: Nullable<string>;
  password_hash: Nullable<string>;
  id_card_front_file_id: Nullable<string>;
  id_card_back_file_id: Nullable<string>;
  profile_completed_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}
