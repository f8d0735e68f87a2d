import { beijingDate } from "../../shared/beijing-time";

/** What a reminder says, in the SMS and the e-mail alike. */
export interface ReminderFacts {
  holder: string;
  category: string;
  serialNumber: string;
  notAfter: Date;
  daysLeft: number;
  /** Where the holder or the administrator renews: 【CA 管理】→【CA 延期年检】. */
  link: string;
}

/** 2026年12月31日, the Beijing calendar day. */
export function chineseDate(at: Date): string {
  const [year, month, day] = beijingDate(at).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

export function reminderSmsParams(facts: ReminderFacts): Record<string, string> {
  return {
    holder: facts.holder,
    category: facts.category,
    expiresOn: chineseDate(facts.notAfter),
    link: facts.link,
  };
}

export function reminderMail(facts: ReminderFacts, recipientName: string | null): { subject: string; body: string } {
  const expiresOn = chineseDate(facts.notAfter);
  const when = facts.daysLeft === 0 ? "今天" : `${facts.daysLeft} 天后`;
  return {
    subject: `CA 数字证书到期提醒：${facts.holder}的${facts.category}将于${expiresOn}到期`,
    body: [
      `${recipientName ?? "您好"}：`,
      "",
      `${facts.holder}的${facts.category}（证书序列号 ${facts.serialNumber}）将于${expiresOn}（${when}）到期。` +
        "到期后该证书将无法在各交易平台登录和使用。",
      `请登录 ${facts.link} ，在【CA 管理】→【CA 延期年检】中选择该证书、支付后，在【更新数字证书】中完成自助年检。`,
      "",
      "辽宁网联 CA 互联互通服务平台",
      "（本邮件由系统自动发送，请勿回复。）",
    ].join("\n"),
  };
}
