import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_PLATFORM_DEFAULT_PORT, KEYBRIDGE_DEFAULT_PORT } from "@lnca/contracts";
import { MAX_CHALLENGE_LIFETIME_SECONDS } from "@lnca/pki";
import { z } from "zod";
import { ALIPAY_SANDBOX_GATEWAY_PATH } from "../adapters/payments/sandbox/alipay-gateway";
import { ALIPAY_SANDBOX_APP_ID, ALIPAY_SANDBOX_SELLER_ID } from "../adapters/payments/sandbox/alipay-sandbox-keys";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const REMINDER_DAYS_MESSAGE = "EXPIRY_REMINDER_DAYS 应为到期前的天数（1–365 的整数），以逗号分隔，如 30,7,1";

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
  /** An unpaid renewal order expires after this many minutes and frees its certificates. */
  RENEWAL_ORDER_EXPIRES_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  PAYMENT_PROVIDER: z.enum(["sandbox", "merchant"]).default("sandbox"),
  ALIPAY_APP_ID: z.string().optional(),
  ALIPAY_SELLER_ID: z.string().optional(),
  ALIPAY_APP_PRIVATE_KEY_FILE: z.string().optional(),
  ALIPAY_PUBLIC_KEY_FILE: z.string().optional(),
  ALIPAY_GATEWAY: z
    .url({ protocol: /^https?$/, error: "ALIPAY_GATEWAY 必须是 http:// 或 https:// 地址" })
    .default("https://openapi.alipay.com/gateway.do"),
  WECHATPAY_SANDBOX_KEY_MODE: z.enum(["public_key", "platform_certificate"]).default("public_key"),
  WECHATPAY_APP_ID: z.string().optional(),
  WECHATPAY_MCH_ID: z.string().optional(),
  WECHATPAY_MCH_SERIAL_NO: z.string().optional(),
  WECHATPAY_MCH_PRIVATE_KEY_FILE: z.string().optional(),
  WECHATPAY_API_V3_KEY: z.string().optional(),
  WECHATPAY_PUBLIC_KEY_ID: z.string().optional(),
  WECHATPAY_PUBLIC_KEY_FILE: z.string().optional(),
  WECHATPAY_PLATFORM_CERT_FILES: csv.default([]),
  WECHATPAY_BASE_URL: z
    .url({ protocol: /^https?$/, error: "WECHATPAY_BASE_URL 必须是 http:// 或 https:// 地址" })
    .default("https://api.mch.weixin.qq.com"),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SMTP_SECURE: booleanFlag.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  LICENCE_OCR_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  LICENCE_OCR_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  LICENCE_OCR_WARM_UP: booleanFlag.default(false),
  /** The built-in CA's EST endpoint: a TLS port (0: any free one), or off. Default: off unless DEMO. */
  EST_PORT: z.union([z.literal("off"), z.coerce.number().int().min(0).max(65_535)]).optional(),
  /** The platform's TLS client identities at vendors' EST servers: `<vendor code>.crt` and `.key`. */
  EST_CLIENT_DIR: z.string().optional(),
  EXPIRY_REMINDERS_ENABLED: booleanFlag.default(true),
  EXPIRY_REMINDER_DAYS: z
    .string()
    .default("30,7,1")
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{1,3}(,\d{1,3})*$/, REMINDER_DAYS_MESSAGE))
    .transform((v) => v.split(",").map(Number))
    .refine((days) => days.every((d) => d >= 1 && d <= 365), REMINDER_DAYS_MESSAGE)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  EXPIRY_REMINDER_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "EXPIRY_REMINDER_AT 应为北京时间 HH:MM（如 09:00）")
    .default("09:00"),
  WORKERS: booleanFlag.default(true),
  WEB_DIST: z.string().optional(),
  /** Where `npm run build:keybridge` puts the keybridge package the 下载中心 offers. */
  KEYBRIDGE_DIST: z.string().optional(),
  /** Where the demo receiving platform listens: the demo seed points the demo platforms' webhooks there. */
  DEMO_PLATFORM_URL: z.url().default(`http://127.0.0.1:${DEMO_PLATFORM_DEFAULT_PORT}`),
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
    demoPlatformUrl: env.DEMO_PLATFORM_URL.replace(/\/$/, ""),
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
    renewalOrderExpiresMs: env.RENEWAL_ORDER_EXPIRES_MINUTES * 60_000,
    payments: paymentsConfig(env, publicOrigin),
    licenceRecognition: {
      workers: env.LICENCE_OCR_WORKERS,
      timeoutMs: env.LICENCE_OCR_TIMEOUT_MS,
      warmUp: env.LICENCE_OCR_WARM_UP,
    },
    est: {
      port: (env.EST_PORT ?? (env.DEMO ? 0 : "off")) === "off" ? null : Number(env.EST_PORT ?? 0),
      clientDir: path.resolve(env.EST_CLIENT_DIR ?? path.join(env.DATA_DIR, "est-clients")),
    },
    expiryReminders: {
      enabled: env.EXPIRY_REMINDERS_ENABLED,
      stepsDays: env.EXPIRY_REMINDER_DAYS,
      /** Beijing time of the daily scan. */
      at: { hour: Number(env.EXPIRY_REMINDER_AT.slice(0, 2)), minute: Number(env.EXPIRY_REMINDER_AT.slice(3)) },
    },
    workers: env.WORKERS,
    webDist: env.WEB_DIST ? path.resolve(env.WEB_DIST) : path.resolve(import.meta.dirname, "../../../web/dist"),
    keybridgeDist: env.KEYBRIDGE_DIST
      ? path.resolve(env.KEYBRIDGE_DIST)
      : path.resolve(import.meta.dirname, "../../../../dist/keybridge"),
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
 * Sandbox: the demo merchant on the in-server gateway, its keys made on first start under
 * data/sandbox/alipay. Merchant: every missing setting is named at once, and the key files must exist.
 */
/**
 * Sandbox: both channels on the in-server gateways. Merchant: a channel is taken when any of its settings is
 * given (then all of them must be right); a merchant may take one channel only, but not none.
 */
function paymentsConfig(env: Env, publicOrigin: string) {
  const sandbox = env.PAYMENT_PROVIDER === "sandbox";
  const alipay = sandbox || ALIPAY_SETTINGS.some((name) => env[name]) ? alipayConfig(env, publicOrigin) : null;
  const wechat = sandbox || WECHATPAY_SETTINGS.some((name) => env[name]) ? wechatPayConfig(env, publicOrigin) : null;
  if (!alipay && !wechat) {
    throw new ConfigError(["PAYMENT_PROVIDER=merchant: 须至少配置支付宝（ALIPAY_*）或微信支付（WECHATPAY_*）之一"]);
  }
  return { provider: env.PAYMENT_PROVIDER, alipay, wechat };
}

const ALIPAY_SETTINGS = [
  "ALIPAY_APP_ID",
  "ALIPAY_SELLER_ID",
  "ALIPAY_APP_PRIVATE_KEY_FILE",
  "ALIPAY_PUBLIC_KEY_FILE",
] as const;
const WECHATPAY_SETTINGS = [
  "WECHATPAY_APP_ID",
  "WECHATPAY_MCH_ID",
  "WECHATPAY_MCH_SERIAL_NO",
  "WECHATPAY_MCH_PRIVATE_KEY_FILE",
  "WECHATPAY_API_V3_KEY",
  "WECHATPAY_PUBLIC_KEY_ID",
  "WECHATPAY_PUBLIC_KEY_FILE",
] as const;

function alipayConfig(env: Env, publicOrigin: string) {
  if (env.PAYMENT_PROVIDER === "sandbox") {
    return {
      appId: ALIPAY_SANDBOX_APP_ID,
      sellerId: ALIPAY_SANDBOX_SELLER_ID,
      gateway: `${publicOrigin}${ALIPAY_SANDBOX_GATEWAY_PATH}`,
      keys: { kind: "sandbox", dir: path.resolve(env.DATA_DIR, "sandbox", "alipay") },
    } as const;
  }
  const settings = {
    ALIPAY_APP_ID: env.ALIPAY_APP_ID,
    ALIPAY_SELLER_ID: env.ALIPAY_SELLER_ID,
    ALIPAY_APP_PRIVATE_KEY_FILE: env.ALIPAY_APP_PRIVATE_KEY_FILE,
    ALIPAY_PUBLIC_KEY_FILE: env.ALIPAY_PUBLIC_KEY_FILE,
  };
  const problems = Object.entries(settings).flatMap(([name, value]) => {
    if (!value) return [`${name}: 使用支付宝商户（PAYMENT_PROVIDER=merchant）时必须设置`];
    if (name.endsWith("_FILE") && !existsSync(value)) return [`${name}: 文件不存在（${path.resolve(value)}）`];
    return [];
  });
  const { ALIPAY_APP_ID: appId, ALIPAY_SELLER_ID: sellerId } = settings;
  const { ALIPAY_APP_PRIVATE_KEY_FILE: appPrivateKeyFile, ALIPAY_PUBLIC_KEY_FILE: alipayPublicKeyFile } = settings;
  if (problems.length > 0 || !appId || !sellerId || !appPrivateKeyFile || !alipayPublicKeyFile) {
    throw new ConfigError(problems);
  }
  return {
    appId,
    sellerId,
    gateway: env.ALIPAY_GATEWAY,
    keys: {
      kind: "files",
      appPrivateKeyFile: path.resolve(appPrivateKeyFile),
      alipayPublicKeyFile: path.resolve(alipayPublicKeyFile),
    },
  } as const;
}

const WECHATPAY_NOTIFY_PATH = "/api/v1/payments/wechat/notify";

/**
 * Sandbox: the demo merchant on the in-server gateway (/sandbox/wechatpay), its keys made on first start under
 * data/sandbox/wechat. Merchant: every missing or wrong setting is named at once, and the key files must exist;
 * WeChat Pay's keys are the public key (PUB_KEY_ID_…), the platform certificates, or both while switching.
 */
function wechatPayConfig(env: Env, publicOrigin: string) {
  const notifyUrl = `${publicOrigin}${WECHATPAY_NOTIFY_PATH}`;
  if (env.PAYMENT_PROVIDER === "sandbox") {
    return {
      kind: "sandbox",
      keyMode: env.WECHATPAY_SANDBOX_KEY_MODE,
      dir: path.resolve(env.DATA_DIR, "sandbox", "wechat"),
      baseUrl: `${publicOrigin}/sandbox/wechatpay`,
      notifyUrl,
    } as const;
  }
  const required = {
    WECHATPAY_APP_ID: env.WECHATPAY_APP_ID,
    WECHATPAY_MCH_ID: env.WECHATPAY_MCH_ID,
    WECHATPAY_MCH_SERIAL_NO: env.WECHATPAY_MCH_SERIAL_NO,
    WECHATPAY_MCH_PRIVATE_KEY_FILE: env.WECHATPAY_MCH_PRIVATE_KEY_FILE,
    WECHATPAY_API_V3_KEY: env.WECHATPAY_API_V3_KEY,
  };
  const problems = Object.entries(required)
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: 使用微信支付商户（PAYMENT_PROVIDER=merchant）时必须设置`);
  const { WECHATPAY_PUBLIC_KEY_ID: publicKeyId, WECHATPAY_PUBLIC_KEY_FILE: publicKeyFile } = env;
  const certificateFiles = env.WECHATPAY_PLATFORM_CERT_FILES.map((file) => path.resolve(file));
  if (env.WECHATPAY_API_V3_KEY && Buffer.byteLength(env.WECHATPAY_API_V3_KEY) !== 32) {
    problems.push("WECHATPAY_API_V3_KEY: APIv3 密钥应为 32 个字符");
  }
  if (Boolean(publicKeyId) !== Boolean(publicKeyFile)) {
    problems.push("WECHATPAY_PUBLIC_KEY_ID、WECHATPAY_PUBLIC_KEY_FILE: 微信支付公钥 ID 与公钥文件须同时设置");
  } else if (publicKeyId && !publicKeyId.startsWith("PUB_KEY_ID_")) {
    problems.push("WECHATPAY_PUBLIC_KEY_ID: 微信支付公钥 ID 应以 PUB_KEY_ID_ 开头");
  }
  if (!publicKeyId && certificateFiles.length === 0) {
    problems.push(
      "WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY_FILE 或 WECHATPAY_PLATFORM_CERT_FILES: 须设置微信支付公钥或平台证书",
    );
  }
  const files = [env.WECHATPAY_MCH_PRIVATE_KEY_FILE, publicKeyFile, ...certificateFiles].filter(
    (file): file is string => Boolean(file),
  );
  for (const file of files) if (!existsSync(file)) problems.push(`${file}: 微信支付密钥文件不存在`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    kind: "merchant",
    appId: env.WECHATPAY_APP_ID ?? "",
    mchId: env.WECHATPAY_MCH_ID ?? "",
    mchSerialNo: env.WECHATPAY_MCH_SERIAL_NO ?? "",
    mchPrivateKeyFile: path.resolve(env.WECHATPAY_MCH_PRIVATE_KEY_FILE ?? ""),
    apiV3Key: env.WECHATPAY_API_V3_KEY ?? "",
    publicKey: publicKeyId && publicKeyFile ? { id: publicKeyId, file: path.resolve(publicKeyFile) } : null,
    platformCertificateFiles: certificateFiles,
    baseUrl: env.WECHATPAY_BASE_URL,
    notifyUrl,
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
