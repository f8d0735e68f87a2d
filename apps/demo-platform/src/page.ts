import type { DemoPlatformAccount, ReceivedWebhook, RejectedWebhook } from "./demo-platform";

const EVENT_NAMES: Record<string, string> = {
  "certificate.renewed": "证书已更新（certificate.renewed）",
  "certificate.disassociated": "证书已取消关联（certificate.disassociated）",
};

const html = (text: unknown) =>
  String(text ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const beijing = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

interface EventData {
  certificate?: {
    serialNumber?: string;
    holderName?: string;
    enterpriseName?: string | null;
    uscc?: string | null;
    notAfter?: string;
  };
  previousCertificate?: { serialNumber?: string };
}

function verificationText(answer: unknown): string {
  if (answer === undefined) return "—";
  const a = answer as { valid?: boolean; associated?: boolean; reason?: string; error?: unknown };
  if (typeof a.valid !== "boolean") return `查询失败：${html(JSON.stringify(a.error ?? a))}`;
  return `${a.valid ? "有效" : `无效（${html(a.reason)}）`}，${a.associated ? "已关联本平台" : "未关联本平台"}`;
}

function row(r: ReceivedWebhook, accounts: DemoPlatformAccount[]): string {
  const data = ((r.payload as { data?: EventData }).data ?? {}) as EventData;
  const c = data.certificate ?? {};
  const platform = accounts.find((a) => a.code === r.platformCode)?.name ?? r.platformCode;
  return `<tr>
  <td>${html(beijing(r.receivedAt))}</td>
  <td>${html(platform)}</td>
  <td>${html(EVENT_NAMES[r.type] ?? r.type)}</td>
  <td>${html(c.holderName)}<br><span class="muted">${html(c.enterpriseName ?? "")} ${html(c.uscc ?? "")}</span></td>
  <td><code>${html(c.serialNumber)}</code>${
    data.previousCertificate
      ? `<br><span class="muted">原证书 <code>${html(data.previousCertificate.serialNumber)}</code></span>`
      : ""
  }</td>
  <td>${c.notAfter ? html(beijing(c.notAfter)) : "—"}</td>
  <td>${verificationText(r.verification)}</td>
  <td><details><summary>查看</summary><pre>${html(JSON.stringify(r.payload, null, 2))}</pre></details></td>
</tr>`;
}

/** The page a person looks at: what each demo platform received, newest first (zh-CN, plain HTML, no script). */
export function renderPage(
  accounts: DemoPlatformAccount[],
  received: ReceivedWebhook[],
  rejected: RejectedWebhook[],
): string {
  const rows = [...received].reverse().map((r) => row(r, accounts));
  const refused = [...rejected]
    .reverse()
    .map(
      (r) =>
        `<li>${html(beijing(r.receivedAt))} · ${html(accounts.find((a) => a.code === r.platformCode)?.name ?? r.platformCode)} · ${html(r.reason)}</li>`,
    );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>演示交易平台 · 收到的推送</title>
<style>
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #1f1f1f; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; margin-bottom: .5rem; }
  th, td { border: 1px solid #bfbfbf; padding: .5rem; vertical-align: top; text-align: left; }
  th { background: #f0f0f0; }
  .muted { color: #595959; font-size: .9em; }
  pre { white-space: pre-wrap; word-break: break-all; max-width: 40rem; }
  a { color: #0050b3; }
</style>
</head>
<body>
<header>
  <h1>演示交易平台</h1>
  <p>本页代表对接「CA 互联互通服务平台」的交易平台：${accounts.map((a) => html(a.name)).join("、") || "（未配置平台）"}。
  每条推送均已用 standardwebhooks 以本平台的签名密钥验签，验签失败的请求不予接受。</p>
  <p><a href="/">刷新</a></p>
</header>
<main>
  <table>
    <caption>收到的推送（共 ${received.length} 条，最新在前）</caption>
    <thead><tr>
      <th scope="col">收到时间</th><th scope="col">平台</th><th scope="col">事件</th><th scope="col">持证人 / 企业</th>
      <th scope="col">证书序列号</th><th scope="col">有效期至</th><th scope="col">向服务平台核验</th><th scope="col">原文</th>
    </tr></thead>
    <tbody>${rows.join("") || '<tr><td colspan="8">尚未收到推送</td></tr>'}</tbody>
  </table>
  <h2>拒收的请求</h2>
  ${refused.length ? `<ul>${refused.join("")}</ul>` : "<p>无</p>"}
</main>
</body>
</html>`;
}
