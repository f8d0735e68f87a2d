import type { AdminApplication, EnterprisePerson, IdentityApplication, SessionUser } from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SESSION_KEY } from "./auth";
import { api } from "./client";
import type { Page } from "./console";

type SessionIdentity = SessionUser["identities"][number];

/** 【新增】 an identity; the session is read again so the new (pending or active) identity shows at once. */
export function useApplyIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentityApplication) =>
      api<{ identity: SessionIdentity }>("/identities", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/**
 * 切换身份: the server moves the session to the identity; every cached answer was given for the old one, so all
 * queries are dropped and the session is stored fresh (pages re-read as the new identity).
 */
export function useSwitchIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) =>
      api<{ user: SessionUser }>(`/identities/${identityId}/switch`, { method: "POST" }),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, user);
    },
  });
}

const PEOPLE_KEY = ["identities", "people"] as const;

export function useEnterprisePeople(enterpriseId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, enterpriseId, page, pageSize],
    queryFn: () => api<Page<EnterprisePerson>>(`/enterprises/${enterpriseId}/people?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
  });
}

export type Decision = { identityId: string } & (
  | { kind: "approve" }
  | { kind: "reject"; reason: string }
  | { kind: "remove" }
);

/** 人员管理: approve, reject (with a reason) or remove; the list is read again after each decision. */
export function useDecideIdentity(scope: "portal" | "console" = "portal") {
  const queryClient = useQueryClient();
  const base = scope === "portal" ? "/identities" : "/console/admin-applications";
  return useMutation({
    mutationFn: (decision: Decision) =>
      api<{ id: string; status: string }>(`${base}/${decision.identityId}/${decision.kind}`, {
        method: "POST",
        body: decision.kind === "reject" ? { reason: decision.reason } : {},
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: scope === "portal" ? PEOPLE_KEY : ADMIN_APPLICATIONS_KEY }),
  });
}

const ADMIN_APPLICATIONS_KEY = ["console", "admin-applications"] as const;

export function useAdminApplications(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ADMIN_APPLICATIONS_KEY, page, pageSize],
    queryFn: () => api<Page<AdminApplication>>(`/console/admin-applications?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
  });
}
