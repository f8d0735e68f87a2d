import type { PublicConfig } from "@lnca/contracts";
import { KEYBRIDGE_DEFAULT_PORT } from "@lnca/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";

/** Deployment facts (keybridge address, demo mode); they do not change while the page is open. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ["public-config"],
    queryFn: () => api<PublicConfig>("/public-config"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Where to look for the keybridge before (or without) the public config. */
export const DEFAULT_KEYBRIDGE_URL = `http://127.0.0.1:${KEYBRIDGE_DEFAULT_PORT}`;
