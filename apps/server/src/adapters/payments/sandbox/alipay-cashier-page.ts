import { alipayAmount } from "../alipay/alipay-protocol";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

// Dark text on white and a dark blue button: well above WCAG AA contrast (the browser tests run axe).
const STYLE = `
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f7fa;
  color: #1f2329; margin: 0; }
main { max-width: 480px; margin: 48px auto; background: #fff; border-radius: 8px; padding: 32px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
h1 { font-size: 20px; margin: 0 0 4px; }
p.note { color: #4e5969; margin: 0 0 24px; font-size: 14px; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: 12px 8px; margin: 0 0 28px; }
dt { color: #4e5969; }
dd { margin: 0; word-break: break-all; }
.amount { font-size: 28px; font-weight: 600; color: #1f2329; }
button { width: 100%; padding: 12px; font-size: 16px; color: #fff; background: #0b4fb3; border: 0;
  border-radius: 6px; cursor: pointer; }
button:focus-visible { outline: 3px solid #1f2329; outline-offset: 2px; }
`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body>
</html>`;
}

export interface CashierTrade {
  outTradeNo: string;
  subject: string;
  totalFen: number;
  sellerName: string;
}

/** The 模拟收银台: what the payer would see on Alipay, and the one button that pays. */
export function renderAlipayCashier(trade: CashierTrade, payAction: string): string {
  return page(
    "支付宝 模拟收银台",
    `<h1>支付宝 模拟收银台</h1>
<p class="note">演示环境：不会产生真实扣款。确认后，沙箱以支付宝的签名方式向商户发送支付结果通知。</p>
<dl>
<dt>收款方</dt><dd>${escapeHtml(trade.sellerName)}</dd>
<dt>商品</dt><dd>${escapeHtml(trade.subject)}</dd>
<dt>商户订单号</dt><dd>${escapeHtml(trade.outTradeNo)}</dd>
<dt>应付金额</dt><dd class="amount">¥${alipayAmount(trade.totalFen)}</dd>
</dl>
<form method="post" action="${escapeHtml(payAction)}">
<input type="hidden" name="out_trade_no" value="${escapeHtml(trade.outTradeNo)}">
<button type="submit">确认付款</button>
</form>`,
  );
}

/** A refusal shown in place of the cashier (bad signature, expired or closed trade…). */
export function renderAlipayError(message: string, detail: string): string {
  return page(
    "支付宝 模拟收银台 - 无法支付",
    `<h1>无法支付</h1><p class="note">${escapeHtml(message)}</p><p>${escapeHtml(detail)}</p>`,
  );
}

/** Shown after paying when the merchant gave no return_url. */
export function renderAlipayPaid(trade: CashierTrade): string {
  return page(
    "支付宝 模拟收银台 - 支付成功",
    `<h1>支付成功</h1><p class="note">订单 ${escapeHtml(trade.outTradeNo)} 已支付 ¥${alipayAmount(trade.totalFen)}。</p>`,
  );
}
