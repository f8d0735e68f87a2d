import { LaterVersion } from "../shared/LaterVersion";
import { AdminOnly } from "./AdminOnly";

export function StaffPage() {
  return (
    <AdminOnly>
      <LaterVersion
        title="人员管理"
        description="管理本企业的项目负责人与授权委托人。"
        features={["查看本企业人员及其持有的 CA 数字证书", "审批项目负责人、授权委托人的身份申请"]}
      />
    </AdminOnly>
  );
}
