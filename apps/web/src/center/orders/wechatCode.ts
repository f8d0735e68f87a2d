/**
 * The WeChat Pay code of a payment, kept for the tab so the QR page survives a reload (the server hands it
 * out once, when the payment starts).
 */
const storageKey = (paymentId: string) => `lnca.wechatCode.${paymentId}`;

export interface WechatCode {
  codeUrl: string;
  amountFen: number;
}

export function rememberCodeUrl(paymentId: string, codeUrl: string, amountFen: number): void {
  sessionStorage.setItem(storageKey(paymentId), JSON.stringify({ codeUrl, amountFen }));
}

export function rememberedCode(paymentId: string): WechatCode | null {
  try {
    const code = JSON.parse(sessionStorage.getItem(storageKey(paymentId)) ?? "null") as WechatCode | null;
    return code && typeof code.codeUrl === "string" ? code : null;
  } catch {
    return null;
  }
}
