import type {
  CertificateCategory,
  Platform,
  QuoteRequest,
  QuoteResponse,
  servicePointSchema,
  vendorSchema,
} from "@lnca/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "./client";

export type Vendor = ReturnType<typeof vendorSchema.parse>;
export type ServicePoint = ReturnType<typeof servicePointSchema.parse>;

// The catalog changes rarely (operators edit it), so it can stay cached for a few minutes.
const CATALOG_STALE_MS = 5 * 60_000;

export function usePlatforms() {
  return useQuery({
    queryKey: ["catalog", "platforms"],
    queryFn: () => api<Platform[]>("/catalog/platforms"),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useCertificateCategories() {
  return useQuery({
    queryKey: ["catalog", "certificate-categories"],
    queryFn: () => api<CertificateCategory[]>("/catalog/certificate-categories"),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useVendors() {
  return useQuery({
    queryKey: ["catalog", "vendors"],
    queryFn: () => api<Vendor[]>("/catalog/vendors"),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useServicePoints() {
  return useQuery({
    queryKey: ["catalog", "service-points"],
    queryFn: () => api<ServicePoint[]>("/catalog/service-points"),
    staleTime: CATALOG_STALE_MS,
  });
}

/**
 * Live price for a selection. A quote is a read even though it is a POST, so it is a query keyed by the
 * selection; the previous price stays on screen while the next one loads.
 */
export function useQuote(request: QuoteRequest | null) {
  return useQuery({
    queryKey: ["catalog", "quote", request],
    queryFn: ({ signal }) => api<QuoteResponse>("/catalog/quote", { method: "POST", body: request, signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}
