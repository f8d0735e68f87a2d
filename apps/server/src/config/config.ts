import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEYBRIDGE_DEFAULT_PORT } from "@lnca/contracts";
import { MAX_CHALLENGE_LIFETIME_SECONDS } from "@lnca/pki";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every setting the server reads, from the environment, parsed once at start (docs/OPERATIONS.md lists them). */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PUBLIC_ORIGIN: z.url().optional(),
  EXTRA_ORIGINS: csv.default([]),
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须是 postgres:// 地址")
    .optional(),
  SECRET_KEY: z.string().min(32, "SECRET_KEY 至少 32 个字符").optional(),
  DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  KEYBRIDGE_URL: z.url().default(`http://127.0.0.1:${KEYBRIDGE_DEFAULT_PORT}`),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(720).default(12),
  CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(10).max(MAX_CHALLENGE_LIFETIME_SECONDS).default(120),
  SMS_PROVIDER: z.enum(["outbox", "aliyun"]).default("outbox"),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().optional(),
  ALIYUN_SMS_TEMPLATE_CODE: z.string().optional(),
  ALIYUN_SMS_ENDPOINT: z.url().default("https://dysmsapi.aliyuncs.com"),
  STORAGE_PROVIDER: z.enum(["local", "s3"]).default("local"),
  STORAGE_DIR: z.string().optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT 必须是 http:// 或 https:// 地址" }).optional(),
  S3_REGION: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  S3_PREFIX: z.string().default(""),
  MAIL_PROVIDER: z.enum(["outbox", "smtp"]).default("outbox"),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SMTP_SECURE: booleanFlag.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  LICENCE_OCR_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  LICENCE_OCR_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  LICENCE_OCR_WARM_UP: booleanFlag.default(false),
  WORKERS: booleanFlag.default(true),
  WEB_DIST: z.string().optional(),
});

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: Env, secretKey: string) {
  const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicOrigin,
    allowedOrigins: [...new Set([publicOrigin, ...localVariants(publicOrigin), ...env.EXTRA_ORIGINS])],
    dataDir: path.resolve(env.DATA_DIR),
    database: env.DATABASE_URL
      ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
      : ({ kind: "sqlite", file: path.resolve(env.DATA_DIR, "lnca.sqlite") } as const),
    secretKey,
    demo: env.DEMO,
    logLevel: env.LOG_LEVEL,
    keybridgeUrl: env.KEYBRIDGE_URL,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    challengeTtlMs: env.CHALLENGE_TTL_SECONDS * 1000,
    sms:
      env.SMS_PROVIDER === "aliyun"
        ? ({
            provider: "aliyun",
            accessKeyId: required(env.ALIYUN_SMS_ACCESS_KEY_ID, "ALIYUN_SMS_ACCESS_KEY_ID"),
            accessKeySecret: required(env.ALIYUN_SMS_ACCESS_KEY_SECRET, "ALIYUN_SMS_ACCESS_KEY_SECRET"),
            signName: required(env.ALIYUN_SMS_SIGN_NAME, "ALIYUN_SMS_SIGN_NAME"),
            templateCode: required(env.ALIYUN_SMS_TEMPLATE_CODE, "ALIYUN_SMS_TEMPLATE_CODE"),
            endpoint: env.ALIYUN_SMS_ENDPOINT,
          } as const)
        : ({ provider: "outbox" } as const),
    storage: storageConfig(env),
    mail: mailConfig(env),
    licenceRecognition: {
      workers: env.LICENCE_OCR_WORKERS,
      timeoutMs: env.LICENCE_OCR_TIMEOUT_MS,
      warmUp: env.LICENCE_OCR_WARM_UP,
    },
    workers: env.WORKERS,
    webDist: env.WEB_DIST ? path.resolve(env.WEB_DIST) : path.resolve(import.meta.dirname, "../../../web/dist"),
  };
}

/** The same site reached as localhost or 127.0.0.1 is a different origin to the browser and the keybridge. */
function localVariants(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname === "localhost") return [origin.replace("//localhost", "//127.0.0.1")];
  if (url.hostname === "127.0.0.1") return [origin.replace("//127.0.0.1", "//localhost")];
  return [];
}

/** The folder, or the bucket; every missing S3 setting is named at once, so one restart fixes them all. */
function storageConfig(env: Env) {
  if (env.STORAGE_PROVIDER === "local") {
    return { provider: "local", dir: path.resolve(env.STORAGE_DIR ?? path.join(env.DATA_DIR, "files")) } as const;
  }
  const { S3_REGION: region, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId } = env;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (!region || !bucket || !accessKeyId || !secretAccessKey) {
    const settings = {
      S3_REGION: region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    };
    throw new ConfigError(
      Object.entries(settings)
        .filter(([, value]) => !value)
        .map(([name]) => `${name}: 使用 S3 兼容对象存储（STORAGE_PROVIDER=s3）时必须设置`),
    );
  }
  return {
    provider: "s3",
    endpoint: env.S3_ENDPOINT,
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX,
  } as const;
}

/**
 * The outbox, or an SMTP server. SMTP_SECURE defaults to implicit TLS on port 465 and STARTTLS elsewhere (587 by
 * default); SMTP_USER and SMTP_PASS go together (a relay inside the network may need neither).
 */
function mailConfig(env: Env) {
  if (env.MAIL_PROVIDER === "outbox") return { provider: "outbox" } as const;
  const problems: string[] = [];
  if (!env.SMTP_HOST) problems.push("SMTP_HOST: 使用 SMTP 发送邮件（MAIL_PROVIDER=smtp）时必须设置");
  if (!env.SMTP_FROM) problems.push("SMTP_FROM: 使用 SMTP 发送邮件（MAIL_PROVIDER=smtp）时必须设置（发件人地址）");
  if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASS)) {
    problems.push("SMTP_USER、SMTP_PASS: 须同时设置（或都不设置：服务器不要求登录时）");
  }
  if (!env.SMTP_HOST || !env.SMTP_FROM || problems.length > 0) throw new ConfigError(problems);
  const secure = env.SMTP_SECURE ?? env.SMTP_PORT === 465;
  return {
    provider: "smtp",
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: env.SMTP_USER && env.SMTP_PASS ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : null,
    from: env.SMTP_FROM,
  } as const;
}

type Env = z.infer<typeof envSchema>;

function required(value: string | undefined, name: string): string {
  if (!value) throw new ConfigError([`${name}: 使用阿里云短信时必须设置`]);
  return value;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误：\n  ${problems.join("\n  ")}`);
  }
}

/**
 * Parses the environment. Outside production a missing SECRET_KEY is generated once and kept in the data
 * folder, so the demo needs no setup; production must set it (it encrypts the CA keys at rest).
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const env = parsed.data;
  let secretKey = env.SECRET_KEY;
  if (!secretKey) {
    if (env.NODE_ENV === "production") throw new ConfigError(["SECRET_KEY: 生产环境必须设置（至少 32 个字符）"]);
    secretKey = persistentDevSecret(path.resolve(env.DATA_DIR));
  }
  return buildConfig(env, secretKey);
}

function persistentDevSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
