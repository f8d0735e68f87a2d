import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The fuse Node's binary carries for SEA (Node 20 docs, "Single executable applications"). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * A Node single executable application (Node 20: `--experimental-sea-config` makes the blob, postject injects
 * it into a copy of this Node binary). The native addons go in as SEA assets (native-addon.ts writes them out
 * to load them). No code cache or snapshot: they would tie the blob to this exact V8 build and make it differ
 * from build to build; the same inputs give the same bytes.
 */
export function makeSea(input: { bundleFile: string; addons: Map<string, string>; workDir: string; output: string }) {
  const { bundleFile, addons, workDir, output } = input;
  const blob = path.join(workDir, "sea-prep.blob");
  const config = path.join(workDir, "sea-config.json");
  writeFileSync(
    config,
    JSON.stringify({
      // Relative to workDir (the cwd below): the blob records the main script's path as written, and the
      // temporary folder's random name would otherwise make every build differ.
      main: path.relative(workDir, bundleFile),
      output: path.basename(blob),
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
      assets: Object.fromEntries(addons),
    }),
  );
  run(process.execPath, ["--experimental-sea-config", config], workDir);
  copyFileSync(process.execPath, output);
  chmodSync(output, 0o755);
  const postject = createRequire(import.meta.url).resolve("postject/dist/cli.js");
  run(process.execPath, [postject, output, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], workDir);
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(args[0] ?? command)} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  }
}
