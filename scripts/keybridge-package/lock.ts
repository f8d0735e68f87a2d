import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { KEYBRIDGE_PACKAGE_BUILD_LOCK } from "@lnca/contracts";

/**
 * One build at a time per folder (`npm start` builds in the background while someone may run the script):
 * the lock file holds the builder's pid; a lock whose process is gone is stale and taken over.
 */
export function acquireBuildLock(outDir: string): { release(): void } {
  const file = path.join(outDir, KEYBRIDGE_PACKAGE_BUILD_LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(file);
      if (holder !== null && isAlive(holder)) throw new Error(`另一个构建正在进行（进程 ${holder}）`);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法取得构建锁 ${file}`);
}

function lockHolder(file: string): number | null {
  try {
    const pid = (JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown }).pid;
    return typeof pid === "number" ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
