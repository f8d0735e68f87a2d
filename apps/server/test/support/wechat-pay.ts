import Fastify from "fastify";
import {
  WECHATPAY_SANDBOX_PREFIX,
  WechatPaySandbox,
  type WechatPaySandboxOptions,
} from "../../src/adapters/payments/sandbox/wechat-gateway";
import {
  generateWechatPaySandboxKeys,
  type WechatPaySandboxKeys,
} from "../../src/adapters/payments/sandbox/wechat-keys";

let sharedKeys: Promise<WechatPaySandboxKeys> | undefined;

/** One sandbox key set per test process: three RSA-2048 key pairs take a moment to make. */
export function wechatPayTestKeys(): Promise<WechatPaySandboxKeys> {
  sharedKeys ??= generateWechatPaySandboxKeys();
  return sharedKeys;
}

/** The WeChat Pay sandbox gateway on its own Fastify instance on 127.0.0.1, as a local fake WeChat Pay. */
export async function startWechatPaySandbox(options: WechatPaySandboxOptions) {
  const sandbox = new WechatPaySandbox(options);
  const app = Fastify();
  await app.register(sandbox.plugin, { prefix: WECHATPAY_SANDBOX_PREFIX });
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    sandbox,
    origin,
    /** The base URL to give the adapter. */
    baseUrl: `${origin}${WECHATPAY_SANDBOX_PREFIX}`,
    close: async () => {
      await sandbox.settled();
      await app.close();
    },
  };
}

/** A stand-in for the platform's notify route: keeps each notification's raw bytes, answers as told. */
export async function startNotificationReceiver() {
  const received: { headers: Record<string, string | string[] | undefined>; rawBody: Buffer }[] = [];
  const answers: number[] = [];
  const app = Fastify();
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  app.post("/api/v1/payments/wechat/notify", async (request, reply) => {
    received.push({ headers: request.headers, rawBody: request.body as Buffer });
    return reply.code(answers.shift() ?? 204).send();
  });
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    received,
    /** The statuses to answer the next notifications with (then 204). */
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    notifyUrl: `${origin}/api/v1/payments/wechat/notify`,
    close: () => app.close(),
  };
}
