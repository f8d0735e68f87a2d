import { useQuery } from "@tanstack/react-query";

/** The division tree for the cascaders, loaded only when a form needs it (137 KB) and kept for the visit. */
export function useDivisions() {
  return useQuery({
    queryKey: ["divisions"],
    queryFn: async () => (await import("@lnca/contracts/divisions")).divisionOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
