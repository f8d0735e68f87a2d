import { LaterVersion } from "../shared/LaterVersion";
import { AdminOnly } from "./AdminOnly";

export function EnterprisePage() {
  return (
    <AdminOnly>
      <LaterVersion
        title="企业信息"
        description="企业信息审核通过后，即可申请 CA 数字证书延期。审核周期为一个工作日，审核结果以短信形式告知。"
        features={[
          "【编辑企业信息】：单位基本信息、开票信息、签署信息三步填写",
          "营业执照智能识别，与填写内容逐项比对（绿色一致、红色不一致）",
          "下载并上传【电子签章印模采集表】后【提交审核】，查看待审核 / 审核通过 / 审核不通过及处理意见",
        ]}
      />
    </AdminOnly>
  );
}
