import { LaterVersion } from "../shared/LaterVersion";

export function InvoicesPage() {
  return (
    <LaterVersion
      title="发票管理"
      description="查看已申请的发票及开具进度。"
      features={[
        "电子普票、纸质专票申请记录（发票类型选择后不可更改）",
        "编辑发票抬头信息：单位名称、纳税人识别号、地址、电话、开户行及账号",
        "电子发票开具后发送至接收邮箱，并可在此下载",
      ]}
    />
  );
}
