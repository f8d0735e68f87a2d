import type { ConsoleDownloadList, DownloadList } from "@lnca/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";

/** 下载中心: the keybridge package (once built), the 印模采集表 and the FAQ. */
export function useDownloads() {
  return useQuery({ queryKey: ["downloads"], queryFn: () => api<DownloadList>("/downloads") });
}

/** The console's view: the same items and how the keybridge package was built; refreshes while it builds. */
export function useConsoleDownloads() {
  return useQuery({
    queryKey: ["console", "downloads"],
    queryFn: () => api<ConsoleDownloadList>("/console/downloads"),
    refetchInterval: (query) => (query.state.data?.keybridgeBuild.status === "building" ? 5_000 : false),
  });
}

/** 1 234 567 bytes → "1.2 MB": sizes as people read them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
