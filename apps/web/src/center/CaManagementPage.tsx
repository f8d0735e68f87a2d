import { LaterVersion } from "../shared/LaterVersion";

export function CaManagementPage() {
  return (
    <LaterVersion
      title="CA 管理"
      description="CA 数字证书续费的前提：个人信息已完善且企业信息已审核通过，并已安装运行拓展程序。"
      features={[
        "【CA 延期年检】：勾选需要延期的 CA 数字证书及关联平台，管理员可批量延期",
        "【更新数字证书】：插入 CA 锁，【读取 CA 数字证书】后【自助年检】，完成延期",
        "检测 CA 互联互通(辽宁版) 驱动（拓展程序），未安装时提示下载",
      ]}
    />
  );
}
