import { useQuery } from "@tanstack/react-query";
import { api, isApiError } from "./client";

/** 发票抬头 details as the enterprise's approved 开票信息 gives them (any field may be missing). */
export interface InvoiceTitleDetails {
  titleType: "enterprise" | "personal";
  title: string;
  taxpayerNumber: string | null;
  address: string | null;
  phone: string | null;
  bank: string | null;
  bankAccount: string | null;
}

/**
 * 【编辑发票抬头信息】's prefill. A server without the route (404) or an enterprise with no approved 开票信息
 * prefills nothing: the payer types the title instead.
 */
export function useInvoiceTitle(enterpriseId: string | null) {
  return useQuery({
    queryKey: ["enterprises", enterpriseId, "invoice-title"],
    queryFn: async (): Promise<InvoiceTitleDetails | null> => {
      try {
        const answer = await api<{ title?: InvoiceTitleDetails | null }>(
          `/enterprises/${encodeURIComponent(enterpriseId ?? "")}/invoice-title`,
        );
        return answer?.title ?? null;
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: enterpriseId !== null,
    staleTime: 60_000,
  });
}
