import type { MailOutboxItem, RegistryImportResponse, SmsOutboxItem, Staff } from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const STAFF_SESSION_KEY = ["console", "session"] as const;

/** The logged-in operator staff member, or null without a console session (the server answers `{ staff: null }`). */
export function useStaffSession() {
  return useQuery({
    queryKey: STAFF_SESSION_KEY,
    queryFn: async (): Promise<Staff | null> => (await api<{ staff: Staff | null }>("/console/auth/session")).staff,
    staleTime: 60_000,
  });
}

export function useConsoleLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api<{ staff: Staff }>("/console/auth/login", { method: "POST", body }),
    onSuccess: (result) => queryClient.setQueryData(STAFF_SESSION_KEY, result.staff),
  });
}

/** Ends the staff session; the caller then reloads the page so no cached data of the session survives. */
export function useConsoleLogout() {
  return useMutation({ mutationFn: () => api<void>("/console/auth/logout", { method: "POST" }) });
}

/** Testers read demo SMS codes here, so it refreshes on its own. */
export function useSmsOutbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ["console", "sms-outbox", page, pageSize],
    queryFn: () => api<Page<SmsOutboxItem>>(`/console/sms-outbox?page=${page}&pageSize=${pageSize}`),
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** 邮件发件箱: every e-mail the platform sent or queued; refreshes on its own, as the SMS outbox does. */
export function useMailOutbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ["console", "mail-outbox", page, pageSize],
    queryFn: () => api<Page<MailOutboxItem>>(`/console/mail-outbox?page=${page}&pageSize=${pageSize}`),
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRegistryImport() {
  return useMutation({
    mutationFn: (csv: string) =>
      api<RegistryImportResponse>("/console/certificate-registry/import", { method: "POST", body: { csv } }),
  });
}
