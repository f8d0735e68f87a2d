/** Every SMS the platform sends, by template; the provider's own template code is configured per provider. */
export const smsTemplates = {
  verification_code: {
    params: ["code"],
    render: (p: Record<string, string>) => `【辽宁网联】您的验证码为 ${p.code}，5 分钟内有效，请勿泄露给他人。`,
  },
  /** A decision on a person's identity (人员管理, or the operator for an administrator application). */
  identity_decision: {
    params: ["enterprise", "role", "result"],
    render: (p: Record<string, string>) => `【辽宁网联】您在${p.enterprise}的${p.role}身份${p.result}。`,
  },
  /** The reviewer's decision on submitted enterprise information (审核通过 / 审核不通过 with the 处理意见). */
  enterprise_review_decision: {
    params: ["enterprise", "result"],
    render: (p: Record<string, string>) => `【辽宁网联】您提交的${p.enterprise}企业信息${p.result}。`,
  },
  /** A certificate expires soon (30, 7, 1 days before, as configured): to its holder and the enterprise's administrator. */
  certificate_expiry_reminder: {
    params: ["holder", "category", "expiresOn", "link"],
    render: (p: Record<string, string>) =>
      `【辽宁网联】${p.holder}的${p.category}将于${p.expiresOn}到期，到期后将无法在各交易平台使用，请登录 ${p.link} 办理 CA 延期年检。`,
  },
} as const;

export type SmsTemplate = keyof typeof smsTemplates;

export interface SmsMessage {
  /** Our own message id: providers that accept an out-id get it, so a retried send can be traced. */
  id: string;
  mobile: string;
  template: SmsTemplate;
  params: Record<string, string>;
}

/** One SMS provider. `send` throws on failure (the outbox retries with backoff). */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string | null }>;
}

export function renderSms(template: SmsTemplate, params: Record<string, string>): string {
  return smsTemplates[template].render(params);
}
