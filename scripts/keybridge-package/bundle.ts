import path from "node:path";
import { build, type Plugin } from "esbuild";

export interface KeybridgeBundle {
  /** The keybridge and all its JavaScript dependencies in one CommonJS file. */
  code: Uint8Array;
  /** Native addons the bundle loads at run time, by file name → where they are in node_modules. */
  addons: Map<string, string>;
}

const LOADER = path.join(import.meta.dirname, "native-addon.ts");

/**
 * Bundles the keybridge for a packaged run with esbuild. A `.node` file cannot be bundled: each required one is
 * replaced by a call to the loader (native-addon.ts) with its file name, and recorded to ship beside the code.
 */
export async function bundleKeybridge(): Promise<KeybridgeBundle> {
  const addons = new Map<string, string>();
  const nativeAddons: Plugin = {
    name: "native-addons",
    setup(esbuild) {
      esbuild.onResolve({ filter: /\.node$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        const name = path.basename(file);
        const known = addons.get(name);
        if (known && known !== file) throw new Error(`two native addons named ${name}: ${known}, ${file}`);
        addons.set(name, file);
        return { path: name, namespace: "native-addon" };
      });
      esbuild.onLoad({ filter: /.*/, namespace: "native-addon" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(LOADER)}).loadNativeAddon(${JSON.stringify(args.path)});`,
        resolveDir: path.dirname(LOADER),
        loader: "js",
      }));
    },
  };
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "entry.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    outfile: "keybridge.cjs",
    legalComments: "inline",
    logLevel: "silent",
    plugins: [nativeAddons],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output");
  return { code: output.contents, addons };
}
