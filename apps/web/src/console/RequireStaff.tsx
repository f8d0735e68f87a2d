import type { ReactNode } from "react";
import { Navigate } from "react-router-dom";
import { useStaffSession } from "../api/console";
import { ErrorResult } from "../shared/ErrorResult";
import { FullPageSpin } from "../shared/FullPageSpin";

/** The operator console needs a staff session, separate from enterprise users' sessions. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const session = useStaffSession();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/console/login" replace />;
  return children;
}
