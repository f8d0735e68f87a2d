import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useSession } from "../api/auth";
import { ErrorResult } from "../shared/ErrorResult";
import { FullPageSpin } from "../shared/FullPageSpin";
import { CurrentUserContext } from "./useCurrentUser";

/** 个人中心 needs a session; without one the user logs in and comes back to the same page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <CurrentUserContext value={session.data}>{children}</CurrentUserContext>;
}
