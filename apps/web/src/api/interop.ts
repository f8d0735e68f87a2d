import type { InteropPlatform, IssuedPlatformKey, IssuedWebhookSecret, WebhookDelivery } from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Page } from "./console";

const PLATFORMS_KEY = ["console", "interop", "platforms"] as const;
const DELIVERIES_KEY = ["console", "interop", "deliveries"] as const;

export function useInteropPlatforms() {
  return useQuery({ queryKey: PLATFORMS_KEY, queryFn: () => api<InteropPlatform[]>("/console/interop/platforms") });
}

/** 生成/轮换平台密钥 and 签名密钥: the answer holds the secret, shown once. */
export function useIssueCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ platformId, kind }: { platformId: string; kind: "key" | "webhook-secret" }) =>
      api<IssuedPlatformKey | IssuedWebhookSecret>(`/console/interop/platforms/${platformId}/${kind}`, {
        method: "POST",
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY }),
  });
}

export function useSetWebhookUrl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ platformId, url }: { platformId: string; url: string | null }) =>
      api<void>(`/console/interop/platforms/${platformId}/webhook`, { method: "PUT", body: { url } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY }),
  });
}

/** 投递记录 refreshes on its own: retries land while the page is open. */
export function useWebhookDeliveries(page: number, pageSize: number, status?: WebhookDelivery["status"]) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize), ...(status ? { status } : {}) });
  return useQuery({
    queryKey: [...DELIVERIES_KEY, page, pageSize, status],
    queryFn: () => api<Page<WebhookDelivery>>(`/console/interop/deliveries?${query}`),
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      api<void>(`/console/interop/deliveries/${deliveryId}/redeliver`, { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY }),
  });
}
