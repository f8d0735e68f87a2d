/**
 * Expiry reminders already sent: one row per certificate and step (days before expiry). Column conventions:
 * db/schema.ts.
 */
export interface ExpiryRemindersTable {
  certificate_id: string;
  step_days: number;
  /** The expiry the reminder announced (a renewed certificate is another row of `certificates`). */
  not_after: string;
  created_at: string;
}
