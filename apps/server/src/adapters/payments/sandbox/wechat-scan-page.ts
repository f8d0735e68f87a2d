/** What the scan page shows of one sandbox transaction. */
export interface ScanPageTrade {
  prId: string;
  outTradeNo: string;
  description: string;
  total: number;
  state: "NOTPAY" | "SUCCESS" | "CLOSED" | "REFUND";
}

const html = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

// Dark text on white and white on WeChat's darker green (#07794a, contrast above 5:1): axe finds nothing serious.
function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#1a1a1a}
main{max-width:420px;margin:40px auto;background:#fff;border-radius:8px;padding:24px}
h1{font-size:20px;margin:0 0 4px;color:#07794a}
.note{color:#4d4d4d;font-size:14px;margin:0 0 20px}
.amount{font-size:36px;font-weight:600;text-align:center;margin:16px 0}
dl{display:grid;grid-template-columns:6em 1fr;gap:8px;margin:0 0 24px}
dt{color:#4d4d4d}dd{margin:0;word-break:break-all}
button{width:100%;padding:12px;font-size:17px;border:0;border-radius:6px;background:#07794a;color:#fff;cursor:pointer}
.state{font-size:18px;text-align:center;margin:16px 0}
</style>
</head>
<body><main>${content}</main></body>
</html>`;
}

/** 模拟扫码支付: what the payer sees in WeChat after scanning the code, with the one button that pays. */
export function scanPage(trade: ScanPageTrade, merchantName: string): string {
  const details = `<dl>
<dt>收款方</dt><dd>${html(merchantName)}</dd>
<dt>商品</dt><dd>${html(trade.description)}</dd>
<dt>商户订单号</dt><dd>${html(trade.outTradeNo)}</dd>
</dl>`;
  const action =
    trade.state === "NOTPAY"
      ? `<form method="post" action="scan/confirm">
<input type="hidden" name="pr" value="${html(trade.prId)}">
<button type="submit">确认支付</button>
</form>`
      : `<p class="state" role="status">${trade.state === "CLOSED" ? "该订单已关闭，无法支付" : "该订单已支付"}</p>`;
  return layout(
    "微信支付 - 模拟扫码支付",
    `<h1>微信支付</h1>
<p class="note">模拟扫码支付（沙箱，不产生真实扣款）</p>
<p class="amount">¥${html(moneyText(trade.total))}</p>
${details}
${action}`,
  );
}

/** After 【确认支付】: the payment is made; the portal learns it from the notification, as with WeChat Pay. */
export function paidPage(trade: ScanPageTrade, merchantName: string): string {
  return layout(
    "微信支付 - 支付成功",
    `<h1>微信支付</h1>
<p class="state" role="status">支付成功</p>
<p class="amount">¥${html(moneyText(trade.total))}</p>
<dl>
<dt>收款方</dt><dd>${html(merchantName)}</dd>
<dt>商户订单号</dt><dd>${html(trade.outTradeNo)}</dd>
</dl>
<p class="note">请返回平台页面查看订单状态。</p>`,
  );
}

export function notFoundPage(): string {
  return layout(
    "微信支付 - 二维码无效",
    `<h1>微信支付</h1><p class="state" role="status">二维码无效或已过期，请返回平台重新发起支付。</p>`,
  );
}

const moneyText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
