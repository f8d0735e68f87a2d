import type { IdScanSide, Profile, ProfileUpdateRequest } from "@lnca/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SESSION_KEY, type SmsCodeResponse } from "./auth";
import { api } from "./client";

export const PROFILE_KEY = ["me", "profile"] as const;

/** The signed-in person's 个人信息, with its status and what is missing. */
export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: () => api<Profile>("/me/profile") });
}

/** Every change answers the whole profile: keep it, and refresh the session (its 已完善 flag may change). */
function useProfileChange<T>(change: (input: T) => Promise<Profile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (profile) => {
      queryClient.setQueryData(PROFILE_KEY, profile);
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useUpdateProfile() {
  return useProfileChange((body: ProfileUpdateRequest) => api<Profile>("/me/profile", { method: "PUT", body }));
}

export function useUploadIdScan() {
  return useProfileChange(({ side, file }: { side: IdScanSide; file: File }) => {
    const body = new FormData();
    body.append("file", file);
    return api<Profile>(`/me/id-scans/${side}`, { method: "POST", body });
  });
}

export function sendMobileChangeCode(mobile: string): Promise<SmsCodeResponse> {
  return api<SmsCodeResponse>("/me/mobile-change/code", { method: "POST", body: { mobile } });
}

export function useChangeMobile() {
  return useProfileChange((body: { mobile: string; smsCode: string }) =>
    api<Profile>("/me/mobile-change", { method: "POST", body }),
  );
}

/** Where the owner opens a scan (a download; each view is audited). */
export const idScanUrl = (side: IdScanSide) => `/api/v1/me/id-scans/${side}`;
