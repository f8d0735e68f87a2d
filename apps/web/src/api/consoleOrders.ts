import type {
  ConsoleOrderQuery,
  ConsolePayment,
  DailyTotals,
  RefundRequest,
  RenewalOrder,
  RenewalOrderSummary,
} from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Page } from "./console";

const KEY = ["console", "renewal-orders"] as const;
const PAYMENTS_KEY = ["console", "payments"] as const;

/** The search fields of both tabs (订单 / 支付记录), page included. */
export type ConsoleOrderSearch = ConsoleOrderQuery;

function searchParams(search: ConsoleOrderSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  return params;
}

export function useConsoleOrders(search: ConsoleOrderSearch) {
  return useQuery({
    queryKey: [...KEY, "list", search],
    queryFn: () => api<Page<RenewalOrderSummary>>(`/console/renewal-orders?${searchParams(search)}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useConsoleOrder(id: string | null) {
  return useQuery({
    queryKey: [...KEY, "detail", id],
    queryFn: () => api<RenewalOrder>(`/console/renewal-orders/${encodeURIComponent(id ?? "")}`),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useConsolePayments(search: ConsoleOrderSearch, enabled = true) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, "list", search],
    queryFn: () => api<Page<ConsolePayment>>(`/console/payments?${searchParams(search)}`),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 0,
  });
}

/** A day's totals per channel (Beijing date, YYYY-MM-DD). */
export function useDailyTotals(date: string) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, "daily-totals", date],
    queryFn: () => api<DailyTotals>(`/console/payments/daily-totals?date=${encodeURIComponent(date)}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** 【退款】: the whole order or some items; every list and total is read again afterwards. */
export function useRefundOrder(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundRequest) =>
      api<RenewalOrder>(`/console/renewal-orders/${encodeURIComponent(orderId)}/refunds`, { method: "POST", body }),
    onSuccess: (order) => queryClient.setQueryData([...KEY, "detail", order.id], order),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
      void queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
    },
  });
}

/** 【重新退款】: a refund the provider refused, asked again under a new refund number. */
export function useRetryRefund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (refundId: string) =>
      api<{ refundId: string }>(`/console/refunds/${encodeURIComponent(refundId)}/retry`, { method: "POST" }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: [...KEY, "detail"] });
      void queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
    },
  });
}
