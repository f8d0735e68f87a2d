import type {
  ConsoleInvoiceRequest,
  InvoiceKind,
  InvoiceRequestView,
  InvoiceStatus,
  InvoiceTitle,
} from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Page } from "./console";

const INVOICES_KEY = ["invoice-requests"] as const;
const CONSOLE_KEY = ["console", "invoice-requests"] as const;

/** 【发票管理】: the current identity's requests (the server scopes them by role). */
export function useInvoiceRequests(params: { status?: InvoiceStatus; page: number; pageSize: number }) {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.status) query.set("status", params.status);
  return useQuery({
    queryKey: [...INVOICES_KEY, params.status ?? "all", params.page, params.pageSize],
    queryFn: () => api<Page<InvoiceRequestView>>(`/invoice-requests?${query}`),
    placeholderData: keepPreviousData,
  });
}

/** The issued invoice's PDF, downloaded by the browser with the session cookie (every download is audited). */
export const invoiceFileUrl = (requestId: string) => `/api/v1/invoice-requests/${requestId}/file`;

/** 【编辑发票抬头信息】's prefill: the enterprise's approved 开票信息 (null while none is approved). */
export function useDefaultInvoiceTitle(enterpriseId: string | null) {
  return useQuery({
    queryKey: ["enterprises", enterpriseId, "invoice-title"],
    queryFn: () => api<{ title: InvoiceTitle | null }>(`/enterprises/${enterpriseId}/invoice-title`),
    enabled: enterpriseId !== null,
  });
}

export interface ConsoleInvoiceParams {
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  search: string;
  page: number;
  pageSize: number;
}

/** The console's queue: requests of paid orders. */
export function useConsoleInvoiceRequests(params: ConsoleInvoiceParams) {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.status) query.set("status", params.status);
  if (params.kind) query.set("kind", params.kind);
  if (params.search) query.set("search", params.search);
  return useQuery({
    queryKey: [...CONSOLE_KEY, params],
    queryFn: () => api<Page<ConsoleInvoiceRequest>>(`/console/invoice-requests?${query}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** 【标记已开具】 with the uploaded PDF, or (demo) 【生成演示发票】; either way the queue is read again. */
export function useIssueInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { requestId: string } & ({ kind: "upload"; file: File } | { kind: "demo" })) => {
      const base = `/console/invoice-requests/${action.requestId}`;
      if (action.kind === "demo") return api<InvoiceRequestView>(`${base}/demo-issue`, { method: "POST" });
      const form = new FormData();
      form.append("file", action.file);
      return api<InvoiceRequestView>(`${base}/issue`, { method: "POST", body: form });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: CONSOLE_KEY });
      void queryClient.invalidateQueries({ queryKey: ["console", "mail-outbox"] });
    },
  });
}
