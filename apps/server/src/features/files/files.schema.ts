/**
 * Uploaded files, content-addressed. Column conventions: db/schema.ts.
 */
import type { Nullable } from "../../db/column-types";

export interface FilesTable {
  id: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  original_name: Nullable<string>;
  purpose: string;
  uploaded_by_user_id: Nullable<string>;
  /** 1: the stored object is sealed (shared/personal-data.ts) and is opened before it is served. */
  sealed: number;
  created_at: string;
}
