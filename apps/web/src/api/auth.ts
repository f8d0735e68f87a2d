import type {
  BindRequest,
  CaLoginRequest,
  CaLoginResponse,
  ChallengeResponse,
  SessionUser,
  smsCodeResponseSchema,
} from "@lnca/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export type SmsPurpose = "login" | "bind";
export type SmsCodeResponse = ReturnType<typeof smsCodeResponseSchema.parse>;
export interface LoggedIn {
  status: "logged_in";
  user: SessionUser;
}

export const SESSION_KEY = ["auth", "session"] as const;

/** The logged-in user, or null when there is no session (the server answers `{ user: null }`). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionUser | null> => (await api<{ user: SessionUser | null }>("/auth/session")).user,
    staleTime: 60_000,
  });
}

export function requestChallenge(): Promise<ChallengeResponse> {
  return api<ChallengeResponse>("/auth/challenge", { method: "POST", body: {} });
}

export function caLogin(body: CaLoginRequest): Promise<CaLoginResponse> {
  return api<CaLoginResponse>("/auth/ca-login", { method: "POST", body });
}

export function useSendSmsCode() {
  return useMutation({
    mutationFn: (body: { mobile: string; purpose: SmsPurpose }) =>
      api<SmsCodeResponse>("/auth/sms-code", { method: "POST", body }),
  });
}

/** Stores the fresh session so /center renders at once without another round trip. */
function useLoggedInMutation<T>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api<LoggedIn>(path, { method: "POST", body }),
    onSuccess: (result) => queryClient.setQueryData(SESSION_KEY, result.user),
  });
}

export function useBind() {
  return useLoggedInMutation<BindRequest>("/auth/bind");
}

export function useSmsLogin() {
  return useLoggedInMutation<{ mobile: string; smsCode: string }>("/auth/sms-login");
}

/** Ends the session; the caller then reloads the page so no cached data of the session survives. */
export function useLogout() {
  return useMutation({ mutationFn: () => api<void>("/auth/logout", { method: "POST" }) });
}
