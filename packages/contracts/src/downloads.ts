import { z } from "zod";

/** The files of the 下载中心, by the name in their URL (`/api/v1/downloads/:name`). */
export const downloadNames = ["keybridge", "seal-form", "faq"] as const;
export type DownloadName = (typeof downloadNames)[number];

/** How the keybridge package was made: a Node single executable, or an archive with Node and a start script. */
export const keybridgePackageKinds = ["sea", "archive"] as const;

/** In the keybridge package's folder: the manifest, and the lock a build holds while it runs (its pid). */
export const KEYBRIDGE_PACKAGE_MANIFEST = "manifest.json";
export const KEYBRIDGE_PACKAGE_BUILD_LOCK = "build.lock";
export const KEYBRIDGE_BUILD_COMMAND = "npm run build:keybridge";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * `manifest.json` beside the built keybridge package (`npm run build:keybridge`): what the download centre
 * shows and what the file's bytes must hash to.
 */
export const keybridgePackageManifestSchema = z.object({
  fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  version: z.string(),
  sha256: sha256Hex,
  size: z.number().int().positive(),
  builtAt: z.iso.datetime(),
  kind: z.enum(keybridgePackageKinds),
  platform: z.string(),
  nodeVersion: z.string(),
  /** SHA-256 over everything the package is made from: a build with the same inputs is skipped. */
  inputs: sha256Hex,
});
export type KeybridgePackageManifest = z.infer<typeof keybridgePackageManifestSchema>;

export const downloadItemSchema = z.object({
  name: z.enum(downloadNames),
  title: z.string(),
  description: z.string(),
  /** null: not available yet (the keybridge package before its first build); `unavailableReason` says why. */
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  version: z.string().nullable(),
  sha256: sha256Hex.nullable(),
  size: z.number().int().nullable(),
  unavailableReason: z.string().nullable(),
});
export type DownloadItem = z.infer<typeof downloadItemSchema>;

export const downloadListSchema = z.object({ items: z.array(downloadItemSchema) });
export type DownloadList = z.infer<typeof downloadListSchema>;

/** The console's view of the keybridge package: the portal's item plus how and when it was built. */
export const keybridgeBuildInfoSchema = z.object({
  status: z.enum(["built", "building", "missing"]),
  manifest: keybridgePackageManifestSchema.nullable(),
  /** The file named by the manifest exists and hashes to its SHA-256 (checked when the listing was made). */
  verified: z.boolean(),
  buildCommand: z.string(),
  directory: z.string(),
});
export type KeybridgeBuildInfo = z.infer<typeof keybridgeBuildInfoSchema>;

export const consoleDownloadListSchema = downloadListSchema.extend({ keybridgeBuild: keybridgeBuildInfoSchema });
export type ConsoleDownloadList = z.infer<typeof consoleDownloadListSchema>;
