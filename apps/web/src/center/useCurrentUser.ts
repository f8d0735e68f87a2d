import type { SessionUser } from "@lnca/contracts";
import { useSession } from "../api/auth";
import { currentIdentity, type SessionIdentity } from "../shared/roles";

/** Inside 个人中心 the session is known to exist (RequireSession guards it). */
export function useCurrentUser(): { user: SessionUser; identity: SessionIdentity | null } {
  const session = useSession();
  const user = session.data;
  if (!user) throw new Error("useCurrentUser used outside RequireSession");
  return { user, identity: currentIdentity(user) };
}
