import type { ConsoleVendor, TrustedCertificate, VendorCreate, VendorUpdate } from "@lnca/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

/** 证书厂商 in the console: how each vendor's certificates are renewed (built-in CA or its EST server). */
export function useConsoleVendors() {
  return useQuery({
    queryKey: ["console", "vendors"],
    queryFn: () => api<ConsoleVendor[]>("/console/catalog/vendors"),
  });
}

export function useSaveVendor(code: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorCreate | VendorUpdate) =>
      code === null
        ? api<ConsoleVendor>("/console/catalog/vendors", { method: "POST", body })
        : api<ConsoleVendor>(`/console/catalog/vendors/${encodeURIComponent(code)}`, { method: "PUT", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["console", "vendors"] });
      void client.invalidateQueries({ queryKey: ["catalog", "vendors"] });
    },
  });
}

const trustedUrl = (code: string) => `/console/catalog/vendors/${encodeURIComponent(code)}/trusted-certificates`;

export function useTrustedCertificates(code: string | null) {
  return useQuery({
    queryKey: ["console", "vendors", code, "trusted-certificates"],
    queryFn: () => api<TrustedCertificate[]>(trustedUrl(code ?? "")),
    enabled: code !== null,
  });
}

export function useAddTrustedCertificate(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (certificatePem: string) =>
      api<TrustedCertificate>(trustedUrl(code), { method: "POST", body: { certificatePem } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["console", "vendors", code, "trusted-certificates"] }),
  });
}
