import type { KeybridgeStatus } from "@lnca/contracts";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { DEFAULT_KEYBRIDGE_URL, usePublicConfig } from "../api/config";
import { KeybridgeClient } from "./client";
import { type BridgeTrouble, bridgeTrouble, loopbackAccess } from "./loopback-permission";

const POLL_MS = 2_000;

export interface KeybridgeState {
  baseUrl: string;
  client: KeybridgeClient;
  /** Null until the first probe has answered. */
  running: boolean | null;
  status: KeybridgeStatus | null;
  /** Why it does not answer: not running, or the browser's Local Network Access permission (null while it does). */
  trouble: BridgeTrouble | null;
}

/**
 * Probes the keybridge every 2 s while mounted, so a page notices the bridge being started (or stopped)
 * without a reload.
 */
export function useKeybridge(): KeybridgeState {
  const config = usePublicConfig();
  const baseUrl = config.data?.keybridgeUrl ?? DEFAULT_KEYBRIDGE_URL;
  const client = useMemo(() => new KeybridgeClient(baseUrl), [baseUrl]);
  const probe = useQuery({
    queryKey: ["keybridge", "status", baseUrl],
    queryFn: async ({ signal }): Promise<{ status: KeybridgeStatus | null; trouble: BridgeTrouble | null }> => {
      try {
        return { status: await client.status(signal), trouble: null };
      } catch (error) {
        if (error instanceof DOMException && error.name === "AbortError") throw error;
        return { status: null, trouble: bridgeTrouble(await loopbackAccess()) };
      }
    },
    // Wait for the config so the first probe goes to the configured address, unless the config failed.
    enabled: !config.isPending,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  return {
    baseUrl,
    client,
    running: probe.data === undefined ? null : probe.data.status !== null,
    status: probe.data?.status ?? null,
    trouble: probe.data?.trouble ?? null,
  };
}

/** Certificates on the inserted keys; only asked while the bridge runs. */
export function useKeybridgeKeys(state: KeybridgeState) {
  return useQuery({
    queryKey: ["keybridge", "keys", state.baseUrl],
    queryFn: ({ signal }) => state.client.keys(signal),
    enabled: state.running === true,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
