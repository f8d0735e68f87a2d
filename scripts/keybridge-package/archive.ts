import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { create } from "tar";

/** Every entry gets this time, so the same inputs give the same archive bytes. */
const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

const START_SCRIPT = `#!/bin/sh
# CA 互联互通(辽宁版) 驱动（拓展程序）：用随包的 Node.js 运行拓展程序，参数原样传入。
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/lib/node" "$here/lib/keybridge.cjs" "$@"
`;

const readme = (folder: string) => `CA 互联互通(辽宁版) 驱动（拓展程序）

解压后运行：
  ./${folder}/lnca-keybridge --backend pkcs11 --module <CA 锁厂商的 PKCS#11 模块> --allowed-origin <平台地址>
查看版本：
  ./${folder}/lnca-keybridge --version

本包自带 Node.js 运行环境（lib/node）与 CA 锁访问组件（lib/*.node），无需另行安装。
拓展程序只在本机 127.0.0.1 上提供服务，只响应平台网页的请求。
`;

/**
 * The fallback when no single executable can be made: a .tar.gz holding this Node binary, the bundle, the
 * native addons beside it (native-addon.ts loads them from the bundle's folder) and a start script.
 */
export async function makeArchive(input: {
  bundleFile: string;
  addons: Map<string, string>;
  workDir: string;
  folder: string;
  output: string;
}): Promise<void> {
  const { bundleFile, addons, workDir, folder, output } = input;
  const root = path.join(workDir, folder);
  const lib = path.join(root, "lib");
  mkdirSync(lib, { recursive: true });
  const files: [string, number][] = [
    [path.join(lib, "node"), 0o755],
    [path.join(lib, "keybridge.cjs"), 0o644],
    [path.join(root, "lnca-keybridge"), 0o755],
    [path.join(root, "README.txt"), 0o644],
  ];
  copyFileSync(process.execPath, path.join(lib, "node"));
  copyFileSync(bundleFile, path.join(lib, "keybridge.cjs"));
  for (const [name, source] of addons) {
    copyFileSync(source, path.join(lib, name));
    files.push([path.join(lib, name), 0o755]);
  }
  writeFileSync(path.join(root, "lnca-keybridge"), START_SCRIPT);
  writeFileSync(path.join(root, "README.txt"), readme(folder));
  for (const [file, mode] of files) chmodSync(file, mode);
  for (const dir of [root, lib]) chmodSync(dir, 0o755);
  const entries = [folder, path.relative(workDir, lib), ...files.map(([file]) => path.relative(workDir, file)).sort()];
  await create(
    { gzip: true, file: output, cwd: workDir, portable: true, mtime: FIXED_MTIME, noDirRecurse: true },
    entries,
  );
}
