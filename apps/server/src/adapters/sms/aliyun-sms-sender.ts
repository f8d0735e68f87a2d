import RPCClient from "@alicloud/pop-core";
import { AliyunSmsError, fromPopCoreRejection, safeProviderMessage } from "./aliyun-sms-error";
import type { SmsMessage, SmsSender } from "./sms";

export const ALIYUN_SMS_ENDPOINT = "https://dysmsapi.aliyuncs.com";
const API_VERSION = "2017-05-25";
const DEFAULT_TIMEOUT_MS = 5_000;

export interface AliyunSmsSenderOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved 短信签名, e.g. 辽宁网联. */
  signName: string;
  /** Aliyun's code (SMS_…) of the approved template matching our verification_code template. */
  templateCode: string;
  /** `ALIYUN_SMS_ENDPOINT` in production; the fake gateway's URL in tests. */
  endpoint: string;
  /** Bounds connecting and reading the answer alike (pop-core applies it to each). */
  timeoutMs?: number;
}

interface SendSmsResponse {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
}

/** Sends through Alibaba Cloud Dysmsapi SendSms, signed by @alicloud/pop-core (RPC, Signature Version 1.0). */
export class AliyunSmsSender implements SmsSender {
  readonly name = "aliyun";
  private readonly client: RPCClient;
  private readonly timeoutMs: number;

  constructor(private readonly options: AliyunSmsSenderOptions) {
    // A fresh config object: pop-core strips a trailing "/" from the one it is given, in place.
    this.client = new RPCClient({
      endpoint: options.endpoint,
      apiVersion: API_VERSION,
      accessKeyId: options.accessKeyId,
      accessKeySecret: options.accessKeySecret,
    });
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string | null }> {
    const params = {
      PhoneNumbers: message.mobile,
      SignName: this.options.signName,
      TemplateCode: this.options.templateCode,
      TemplateParam: JSON.stringify(message.params),
      OutId: message.id,
    };
    // Masked if the provider ever quotes them back: the code above all, and the number with it.
    const sentValues = [...Object.values(message.params), message.mobile];
    let response: SendSmsResponse;
    try {
      // POST, so the parameters travel in the body: with GET they are in the URL, which pop-core and httpx
      // write into their error messages.
      response = await this.client.request<SendSmsResponse>("SendSms", params, {
        method: "POST",
        timeout: this.timeoutMs,
      });
    } catch (rejection) {
      throw fromPopCoreRejection(rejection, sentValues);
    }
    // pop-core only throws for a Code it does not count as success, and counts 200/"Success" as success too.
    if (response.Code !== "OK" || !response.BizId) {
      throw new AliyunSmsError(
        response.Code ?? "InvalidResponse",
        safeProviderMessage(response.Message, sentValues),
        response.RequestId ?? null,
      );
    }
    return { providerMessageId: response.BizId };
  }
}
