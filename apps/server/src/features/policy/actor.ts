import type { IdentityRole } from "../../db/schema";

export interface CurrentIdentity {
  id: string;
  role: IdentityRole;
  enterpriseId: string | null;
}

/** Who is asking: resolved once per request from the session cookie. */
export type RequestActor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; sessionId: string; identity: CurrentIdentity | null }
  | { kind: "staff"; staffId: string; sessionId: string; role: "reviewer" | "operator" };

export const anonymous: RequestActor = { kind: "anonymous" };
