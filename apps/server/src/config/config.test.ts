import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), "lnca-config-"));

describe("configuration", () => {
  it("runs on the embedded defaults with no setting at all", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.database.kind).toBe("sqlite");
    expect(config.port).toBe(3000);
    expect(config.sms.provider).toBe("outbox");
    expect(config.storage).toEqual({ provider: "local", dir: path.join(config.dataDir, "files") });
    expect(config.mail.provider).toBe("outbox");
    expect(config.allowedOrigins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
  });

  it("keeps the generated development secret across starts", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).secretKey).toBe(loadConfig({ DATA_DIR: dir }).secretKey);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://u@h:5432/db" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@h:5432/db" });
  });

  it("keeps stored files where STORAGE_DIR says", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dataDir(), STORAGE_DIR: dir }).storage.dir).toBe(dir);
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ NODE_ENV: "production" }, "SECRET_KEY"],
    [{ SMS_PROVIDER: "aliyun", SECRET_KEY: "x".repeat(32) }, "ALIYUN_SMS_ACCESS_KEY_ID"],
    [{ SECRET_KEY: "short" }, "SECRET_KEY"],
    [{ STORAGE_PROVIDER: "s3" }, "STORAGE_PROVIDER"],
    [{ MAIL_PROVIDER: "smtp" }, "MAIL_PROVIDER"],
  ])("fails fast on %o, naming %s", (env, name) => {
    const load = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(name);
  });
});
