import { LaterVersion } from "../shared/LaterVersion";

export function ConsoleInvoicesPage() {
  return (
    <LaterVersion
      title="发票管理"
      description="用户在支付时申请的电子普票与纸质专票。"
      features={["查看发票申请及发票抬头信息", "标记已开具并上传发票 PDF", "将电子发票发送至用户的接收邮箱"]}
    />
  );
}
