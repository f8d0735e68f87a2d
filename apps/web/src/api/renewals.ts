import type {
  PaymentChannelCode,
  PaymentStart,
  PaymentState,
  PendingKeyUpdate,
  RenewableCertificatesResponse,
  RenewalOrder,
  RenewalOrderRequest,
  RenewalOrderStatus,
  RenewalOrderSummary,
} from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Page } from "./console";

const RENEWABLE_KEY = ["renewals", "certificates"] as const;
const ORDERS_KEY = ["renewal-orders"] as const;
const orderKey = (id: string) => [...ORDERS_KEY, "detail", id] as const;

/** 【CA 延期年检】: what the current identity may renew, and the preconditions it has not met yet. */
export function useRenewableCertificates() {
  return useQuery({
    queryKey: RENEWABLE_KEY,
    queryFn: () => api<RenewableCertificatesResponse>("/renewals/certificates"),
    // Orders made in another tab change which certificates are free: read again whenever the list is shown.
    staleTime: 0,
  });
}

/** 【更新数字证书】: paid renewals waiting for their holder's key update. */
export function usePendingKeyUpdates() {
  return useQuery({
    queryKey: ["renewals", "updates"],
    queryFn: () => api<{ items: PendingKeyUpdate[] }>("/renewals/updates"),
    staleTime: 0,
  });
}

/**
 * 【提交订单】. The key is made once per confirmation, so a submit retried after a lost answer makes one order,
 * not two.
 */
export function useCreateRenewalOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: RenewalOrderRequest; idempotencyKey: string }) =>
      api<RenewalOrder>("/renewal-orders", {
        method: "POST",
        body: request,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: (order) => {
      queryClient.setQueryData(orderKey(order.id), order);
      void queryClient.invalidateQueries({ queryKey: RENEWABLE_KEY });
      void queryClient.invalidateQueries({ queryKey: [...ORDERS_KEY, "list"] });
    },
  });
}

export interface RenewalOrderListParams {
  status: RenewalOrderStatus | undefined;
  q: string;
  page: number;
  pageSize: number;
}

/** 【订单管理】: one page of the identity's orders. */
export function useRenewalOrders({ status, q, page, pageSize }: RenewalOrderListParams) {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (status) params.set("status", status);
  if (q) params.set("q", q);
  return useQuery({
    queryKey: [...ORDERS_KEY, "list", status, q, page, pageSize],
    queryFn: () => api<Page<RenewalOrderSummary>>(`/renewal-orders?${params}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

const ORDER_POLL_MS = 3_000;

/** One order; `pollWhile` keeps reading it every few seconds while a payment may be arriving (Alipay's return). */
export function useRenewalOrder(id: string, pollWhile?: (order: RenewalOrder) => boolean) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: () => api<RenewalOrder>(`/renewal-orders/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data && pollWhile?.(query.state.data) ? ORDER_POLL_MS : false),
    staleTime: 0,
  });
}

/** Answers of a change to one order replace its cached detail; lists and free certificates are read again. */
function useOrderChange<T>(change: (input: T) => Promise<RenewalOrder>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (order) => queryClient.setQueryData(orderKey(order.id), order),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: [...ORDERS_KEY, "list"] });
      void queryClient.invalidateQueries({ queryKey: RENEWABLE_KEY });
    },
  });
}

export function useCancelRenewalOrder() {
  return useOrderChange((id: string) =>
    api<RenewalOrder>(`/renewal-orders/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
  );
}

/** What 【立即支付】 sends besides the channel when 开具发票 is chosen (features/invoices validates it). */
export interface InvoiceRequestInput {
  kind: "e_normal" | "paper_special";
  titleType: "enterprise" | "personal";
  title: string;
  taxpayerNumber?: string;
  address?: string;
  phone?: string;
  bank?: string;
  bankAccount?: string;
  email: string;
}

export function useStartPayment(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { channel: PaymentChannelCode; invoice?: InvoiceRequestInput }) =>
      api<PaymentStart>(`/renewal-orders/${encodeURIComponent(orderId)}/payments`, { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKey(orderId) }),
  });
}

/** The QR page reads the payment until the provider's notification has marked it paid (or it ended otherwise). */
export function usePaymentState(paymentId: string) {
  return useQuery({
    queryKey: ["payments", paymentId],
    queryFn: () => api<PaymentState>(`/payments/${encodeURIComponent(paymentId)}`),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "created" ? false : 2_000),
    staleTime: 0,
  });
}
