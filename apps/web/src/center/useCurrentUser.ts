import type { SessionUser } from "@lnca/contracts";
import { createContext, useContext } from "react";
import { currentIdentity, type SessionIdentity } from "../shared/roles";

/**
 * The logged-in user, provided by RequireSession. Pages read it from context rather than from the
 * session query, so they never render with a session that has just ended (logout) before they unmount.
 */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): { user: SessionUser; identity: SessionIdentity | null } {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser used outside RequireSession");
  return { user, identity: currentIdentity(user) };
}
