import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const S3_SETTINGS = {
  STORAGE_PROVIDER: "s3",
  S3_ENDPOINT: "http://minio.internal:9000",
  S3_REGION: "cn-north-1",
  S3_BUCKET: "lnca-files",
  S3_ACCESS_KEY_ID: "AKID",
  S3_SECRET_ACCESS_KEY: "secret",
};
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

  it("serves the built-in CA's EST endpoint in the demo on a free port, in production only when asked", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).est).toEqual({ port: 0, clientDir: path.join(dir, "est-clients") });
    expect(loadConfig({ DATA_DIR: dir, DEMO: "false" }).est.port).toBeNull();
    expect(loadConfig({ DATA_DIR: dir, DEMO: "false", EST_PORT: "8443" }).est.port).toBe(8443);
    expect(loadConfig({ DATA_DIR: dir, EST_PORT: "off" }).est.port).toBeNull();
    expect(() => loadConfig({ DATA_DIR: dir, EST_PORT: "on" })).toThrow(ConfigError);
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

  it("keeps files in an S3-compatible bucket when STORAGE_PROVIDER=s3", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), ...S3_SETTINGS, S3_FORCE_PATH_STYLE: "true", S3_PREFIX: "lnca" });
    expect(config.storage).toEqual({
      provider: "s3",
      endpoint: "http://minio.internal:9000",
      region: "cn-north-1",
      bucket: "lnca-files",
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      forcePathStyle: true,
      prefix: "lnca",
    });
  });

  it("names, in Chinese, every S3 setting that is missing", () => {
    const load = () =>
      loadConfig({ DATA_DIR: dataDir(), STORAGE_PROVIDER: "s3", S3_REGION: "cn-north-1", S3_ACCESS_KEY_ID: "AKID" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      "S3_BUCKET: 使用 S3 兼容对象存储（STORAGE_PROVIDER=s3）时必须设置\n  S3_SECRET_ACCESS_KEY: 使用 S3 兼容对象存储（STORAGE_PROVIDER=s3）时必须设置",
    );
  });

  it("sends mail through an SMTP server when MAIL_PROVIDER=smtp", () => {
    const smtp = { MAIL_PROVIDER: "smtp", SMTP_HOST: "smtp.example.com", SMTP_FROM: "平台 <noreply@example.com>" };
    expect(loadConfig({ DATA_DIR: dataDir(), ...smtp, SMTP_USER: "u", SMTP_PASS: "p" }).mail).toEqual({
      provider: "smtp",
      host: "smtp.example.com",
      port: 587,
      secure: false,
      auth: { user: "u", pass: "p" },
      from: "平台 <noreply@example.com>",
    });
    expect(loadConfig({ DATA_DIR: dataDir(), ...smtp, SMTP_PORT: "465" }).mail).toMatchObject({
      port: 465,
      secure: true,
      auth: null,
    });
  });

  it("names, in Chinese, every SMTP setting that is missing", () => {
    const load = () => loadConfig({ DATA_DIR: dataDir(), MAIL_PROVIDER: "smtp", SMTP_USER: "u" });
    expect(load).toThrow(
      "SMTP_HOST: 使用 SMTP 发送邮件（MAIL_PROVIDER=smtp）时必须设置\n  SMTP_FROM: 使用 SMTP 发送邮件（MAIL_PROVIDER=smtp）时必须设置（发件人地址）\n  SMTP_USER、SMTP_PASS: 须同时设置（或都不设置：服务器不要求登录时）",
    );
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ NODE_ENV: "production" }, "SECRET_KEY"],
    [{ SMS_PROVIDER: "aliyun", SECRET_KEY: "x".repeat(32) }, "ALIYUN_SMS_ACCESS_KEY_ID"],
    [{ SECRET_KEY: "short" }, "SECRET_KEY"],
    [{ STORAGE_PROVIDER: "gcs" }, "STORAGE_PROVIDER"],
    [{ ...S3_SETTINGS, S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT"],
    [{ ...S3_SETTINGS, S3_FORCE_PATH_STYLE: "yes" }, "S3_FORCE_PATH_STYLE"],
    [{ MAIL_PROVIDER: "sendmail" }, "MAIL_PROVIDER"],
    [
      { MAIL_PROVIDER: "smtp", SMTP_HOST: "smtp.example.com", SMTP_FROM: "a@example.com", SMTP_PORT: "smtp" },
      "SMTP_PORT",
    ],
  ])("fails fast on %o, naming %s", (env, name) => {
    const load = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(name);
  });
});
