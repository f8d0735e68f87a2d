import packageJson from "../../apps/keybridge/package.json" with { type: "json" };

/**
 * The packaged keybridge's entry: `--version` answers without starting anything (the download centre's build
 * and its test ask it), everything else is the keybridge's own command line (apps/keybridge/src/main.ts).
 */
if (process.argv.slice(2).includes("--version")) {
  console.info(packageJson.version);
} else {
  void import("../../apps/keybridge/src/main");
}
