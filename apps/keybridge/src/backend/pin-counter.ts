import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const KEYBRIDGE_MAX_PIN_TRIES = 6;

/**
 * Consecutive wrong-PIN counter per token serial, kept in the state folder. Some modules (SoftHSM2, and
 * tokens that only raise "count low") never say how many tries are left, yet the login page must say it;
 * the keybridge counts itself, and refuses at the limit even when the module would not lock.
 */
export class PinFailureCounter {
  private readonly path: string;

  constructor(
    private readonly stateDir: string,
    readonly maxTries = KEYBRIDGE_MAX_PIN_TRIES,
  ) {
    this.path = join(stateDir, "pin-failures.json");
  }

  async failures(serial: string): Promise<number> {
    return (await this.read())[serial] ?? 0;
  }

  async triesLeft(serial: string): Promise<number> {
    return Math.max(0, this.maxTries - (await this.failures(serial)));
  }

  /** Records one more wrong PIN; returns the tries left. */
  async recordFailure(serial: string): Promise<number> {
    const counts = await this.read();
    counts[serial] = (counts[serial] ?? 0) + 1;
    await this.write(counts);
    return Math.max(0, this.maxTries - counts[serial]);
  }

  async reset(serial: string): Promise<void> {
    const counts = await this.read();
    if (!(serial in counts)) return;
    delete counts[serial];
    await this.write(counts);
  }

  private async read(): Promise<Record<string, number>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, "utf8"));
      return parsed && typeof parsed === "object" ? (parsed as Record<string, number>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw error;
    }
  }

  private async write(counts: Record<string, number>): Promise<void> {
    await mkdir(this.stateDir, { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(counts, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.path);
  }
}
