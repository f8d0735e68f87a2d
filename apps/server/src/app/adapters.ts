import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import { BuiltinCaAdapter } from "../adapters/ca/builtin-ca-adapter";
import type { CaAdapter, CaAdapterFor, CaVendor, PlatformCa } from "../adapters/ca/ca-adapter";
import { BuiltinEstEndpoint, issueRaIdentity } from "../adapters/ca/est/builtin-est-endpoint";
import { createEstClientIdentity, readEstClientIdentity } from "../adapters/ca/est/est-client-identity";
import { listVendorRoots } from "../adapters/ca/est-ca.queries";
import { EstCaAdapter } from "../adapters/ca/est-ca-adapter";
import type { Mailer } from "../adapters/mail/mailer";
import { OutboxMailer } from "../adapters/mail/outbox-mailer";
import { SmtpMailer } from "../adapters/mail/smtp-mailer";
import { ALIPAY_NOTIFY_PATH, AlipayPaymentProvider } from "../adapters/payments/alipay/alipay-payment-provider";
import type { PaymentChannel, PaymentProvider } from "../adapters/payments/payment-provider";
import { AlipaySandbox } from "../adapters/payments/sandbox/alipay-gateway";
import { ensureAlipaySandboxKeys } from "../adapters/payments/sandbox/alipay-sandbox-keys";
import { WechatPaySandbox } from "../adapters/payments/sandbox/wechat-gateway";
import { loadOrCreateWechatPaySandboxKeys, sandboxMerchant } from "../adapters/payments/sandbox/wechat-keys";
import { loadMerchantKeys } from "../adapters/payments/wechat/wechat-pay-keys";
import { WechatPayPaymentProvider } from "../adapters/payments/wechat/wechat-pay-provider";
import type { LicenceRecognizer } from "../adapters/recognition/licence-recognizer";
import { PaddleLicenceRecognizer } from "../adapters/recognition/paddle-recognizer";
import { AliyunSmsSender } from "../adapters/sms/aliyun-sms-sender";
import { OutboxSmsSender } from "../adapters/sms/outbox-sms-sender";
import type { SmsSender } from "../adapters/sms/sms";
import { LocalObjectStorage } from "../adapters/storage/local-object-storage";
import type { ObjectStorage } from "../adapters/storage/object-storage";
import { S3ObjectStorage } from "../adapters/storage/s3-object-storage";
import type { Db } from "../db/database";
import { AppError } from "../shared/app-error";
import type { Clock } from "../shared/clock";
import type { AppConfig } from "./context";

/**
 * Every external part, each behind its interface: the one place that knows the concrete adapters and picks
 * them from the configuration. Features receive the interfaces (docs/ARCHITECTURE.md, "Adapters").
 */
export interface Adapters {
  /** The platform's own CA: issues at the counter, publishes the CRL, renews for vendors served by `builtin`. */
  ca: PlatformCa;
  /** The CA adapter that renews a vendor's certificates, as the vendor's catalog row says. */
  caAdapterFor: CaAdapterFor;
  /**
   * Starts the built-in CA's EST endpoint when EST_PORT says so (server start; tests call it themselves), and
   * gives the built-in CA's vendor an RA identity at it in EST_CLIENT_DIR if it has none.
   */
  startEstEndpoint(): Promise<BuiltinEstEndpoint | null>;
  sms: SmsSender;
  mailer: Mailer;
  storage: ObjectStorage;
  /** Reads business licences (营业执照) off the event loop. */
  recognizer: LicenceRecognizer;
  /** One provider per payment channel, on its real protocol (in sandbox mode against the in-server gateway). */
  payments: Partial<Record<PaymentChannel, PaymentProvider>>;
  /** PAYMENT_PROVIDER=sandbox: the in-server gateways, mounted under /sandbox/; tests drive them directly. */
  paymentSandboxes: { alipay?: AlipaySandbox; wechat?: WechatPaySandbox };
}

const BUILTIN_CA_NAME = "辽宁 CA 互联互通演示";

export async function createAdapters(deps: {
  config: AppConfig;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The vendor whose trusted certificates the built-in CA's root and issuing CA are registered as. */
  builtinCaVendorId: string;
  builtinCaVendorCode: string;
  /** Tests hand in their own SMS gateway. */
  smsSender?: SmsSender;
  /** Tests that are not about recognition hand in a recognizer that needs no models. */
  recognizer?: LicenceRecognizer;
  /** Tests hand in providers pointed at their own fake gateways. */
  paymentProviders?: Partial<Record<PaymentChannel, PaymentProvider>>;
}): Promise<Adapters> {
  const { config, db, clock, logger } = deps;
  const ca = await BuiltinCaAdapter.open(db, clock, {
    name: BUILTIN_CA_NAME,
    vendorId: deps.builtinCaVendorId,
    encryptionKey: config.secretKey,
    crlUrl: `${config.publicOrigin}/api/v1/ca/crl`,
  });
  const alipay = config.payments.alipay ? alipayChannel(config, config.payments.alipay) : null;
  const wechat = config.payments.wechat ? await wechatPayChannel(config.payments.wechat, clock) : null;
  const storage = storageFor(config.storage);
  return {
    ca,
    caAdapterFor: caAdapterRegistry({
      builtin: () => ca,
      est: (vendor) => estAdapter(vendor, { db, clock, clientDir: config.est.clientDir }),
    }),
    startEstEndpoint: () => startEstEndpoint(ca, deps),
    sms: deps.smsSender ?? smsSenderFor(config, logger),
    mailer: mailerFor(config.mail, { db, clock, logger, storage }),
    storage,
    recognizer: deps.recognizer ?? licenceRecognizer(config, logger),
    payments: { alipay: alipay?.provider, wechat: wechat?.provider, ...deps.paymentProviders },
    paymentSandboxes: { alipay: alipay?.sandbox, wechat: wechat?.sandbox },
  };
}

/** Alipay with the merchant's key files, or with the sandbox's keys (made on first start) and its gateway. */
function alipayChannel(
  config: AppConfig,
  settings: NonNullable<AppConfig["payments"]["alipay"]>,
): { provider: PaymentProvider; sandbox?: AlipaySandbox } {
  const { appId, sellerId, gateway, keys } = settings;
  const notifyUrl = `${config.publicOrigin}${ALIPAY_NOTIFY_PATH}`;
  if (keys.kind === "files") {
    const appPrivateKeyPem = readFileSync(keys.appPrivateKeyFile, "utf8");
    const alipayPublicKeyPem = readFileSync(keys.alipayPublicKeyFile, "utf8");
    return {
      provider: new AlipayPaymentProvider({
        appId,
        sellerId,
        gateway,
        notifyUrl,
        appPrivateKeyPem,
        alipayPublicKeyPem,
      }),
    };
  }
  const sandboxKeys = ensureAlipaySandboxKeys(keys.dir);
  return {
    provider: new AlipayPaymentProvider({
      appId,
      sellerId,
      gateway,
      notifyUrl,
      appPrivateKeyPem: sandboxKeys.appPrivateKeyPem,
      alipayPublicKeyPem: sandboxKeys.alipayPublicKeyPem,
    }),
    sandbox: new AlipaySandbox({ appId, sellerId, keys: sandboxKeys }),
  };
}

/** WeChat Pay with the merchant's key files, or with the sandbox's keys (made on first start) and its gateway. */
async function wechatPayChannel(
  settings: NonNullable<AppConfig["payments"]["wechat"]>,
  clock: Clock,
): Promise<{ provider: PaymentProvider; sandbox?: WechatPaySandbox }> {
  const { baseUrl, notifyUrl } = settings;
  if (settings.kind === "merchant") {
    return { provider: new WechatPayPaymentProvider({ ...loadMerchantKeys(settings), baseUrl, notifyUrl, clock }) };
  }
  const keys = await loadOrCreateWechatPaySandboxKeys(settings.dir);
  return {
    provider: new WechatPayPaymentProvider({ ...sandboxMerchant(keys, settings.keyMode), baseUrl, notifyUrl, clock }),
    sandbox: new WechatPaySandbox({ keys, mode: settings.keyMode, now: () => clock.now() }),
  };
}

/** PaddleOCR in child processes; with LICENCE_OCR_WARM_UP the models load at start instead of on first use. */
function licenceRecognizer(config: AppConfig, logger: Logger): LicenceRecognizer {
  const recognizer = new PaddleLicenceRecognizer({
    workers: config.licenceRecognition.workers,
    timeoutMs: config.licenceRecognition.timeoutMs,
    maxQueue: 8 * config.licenceRecognition.workers,
  });
  if (config.licenceRecognition.warmUp) {
    recognizer.warmUp().catch((error: unknown) => logger.warn({ err: error }, "licence recognizer warm-up failed"));
  }
  return recognizer;
}

// A provider added to the configuration does not compile until it has a case here.
function mailerFor(
  mail: AppConfig["mail"],
  deps: { db: Db; clock: Clock; logger: Logger; storage: ObjectStorage },
): Mailer {
  switch (mail.provider) {
    case "outbox":
      return new OutboxMailer(deps.db, deps.clock, deps.logger);
    case "smtp":
      return new SmtpMailer(mail, deps.db, deps.storage);
  }
}

// Each provider's settings differ, so a switch narrows them; a provider without a case does not compile.
function storageFor(storage: AppConfig["storage"]): ObjectStorage {
  switch (storage.provider) {
    case "local":
      return new LocalObjectStorage(storage.dir);
    case "s3":
      return new S3ObjectStorage(storage);
  }
}

function smsSenderFor(config: AppConfig, logger: Logger): SmsSender {
  return config.sms.provider === "aliyun" ? new AliyunSmsSender(config.sms) : new OutboxSmsSender(logger);
}

/**
 * Vendor → adapter, per kind. A vendor its kind cannot serve yet (an `est` vendor without its URL or client
 * identity) is refused when it is used, with a code the operator can act on; the server still starts and serves
 * the others.
 */
function caAdapterRegistry(kinds: { [K in CaVendor["adapter"]]: (vendor: CaVendor) => CaAdapter }): CaAdapterFor {
  return (vendor) => kinds[vendor.adapter](vendor);
}

async function startEstEndpoint(
  ca: BuiltinCaAdapter,
  deps: { config: AppConfig; clock: Clock; logger: Logger; builtinCaVendorCode: string },
): Promise<BuiltinEstEndpoint | null> {
  const { config, clock, logger } = deps;
  if (config.est.port === null) return null;
  await createEstClientIdentity(config.est.clientDir, deps.builtinCaVendorCode, () =>
    issueRaIdentity(ca, clock, `${config.publicOrigin} RA`),
  );
  return BuiltinEstEndpoint.start({
    ca,
    clock,
    logger,
    host: config.host,
    port: config.est.port,
    hostNames: [...new Set(["localhost", "127.0.0.1", new URL(config.publicOrigin).hostname])],
  });
}

/** An EST client for the vendor: its URL and roots from the catalog, the platform's identity from EST_CLIENT_DIR. */
function estAdapter(vendor: CaVendor, deps: { db: Db; clock: Clock; clientDir: string }): CaAdapter {
  if (!vendor.est_url) {
    throw new AppError("CA_ADAPTER_UNAVAILABLE", `CA 厂商 ${vendor.code} 的 EST 地址尚未配置`);
  }
  return new EstCaAdapter({
    vendorCode: vendor.code,
    estUrl: vendor.est_url,
    trustAnchors: () => listVendorRoots(deps.db, vendor.id),
    clientIdentity: () => readEstClientIdentity(deps.clientDir, vendor.code),
    clock: deps.clock,
  });
}
