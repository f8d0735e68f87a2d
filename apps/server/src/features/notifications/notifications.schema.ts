/**
 * The SMS and e-mail outboxes shown in the console. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export interface SmsMessagesTable {
  id: string;
  mobile: string;
  template: string;
  params: string;
  content: string;
  provider: string;
  status: "pending" | "sent" | "failed";
  provider_message_id: Nullable<string>;
  error: Nullable<string>;
  sent_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface EmailMessagesTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attachment_file_ids: Generated<string>;
  provider: string;
  status: "pending" | "sent" | "failed";
  error: Nullable<string>;
  sent_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}
