import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { TokenContents } from "./inspect-token";
import type { E2eState } from "./state";

const root = path.resolve(import.meta.dirname, "../..");

/** What 刘洋's SoftHSM2 token holds, read in a process of its own (see inspect-token.ts). */
export async function inspectToken(env: E2eState): Promise<TokenContents> {
  const { liuYang } = env.keybridge;
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "e2e/support/inspect-token.ts")],
    {
      cwd: root,
      env: { ...process.env, ...liuYang.env, E2E_MODULE: liuYang.modulePath, E2E_TOKEN_SERIAL: liuYang.serial },
    },
  );
  return JSON.parse(stdout) as TokenContents;
}
