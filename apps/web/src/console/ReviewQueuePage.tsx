import { LaterVersion } from "../shared/LaterVersion";

export function ReviewQueuePage() {
  return (
    <LaterVersion
      title="审核队列"
      description="企业信息提交审核后进入此队列，目标审核时间为一个工作日，审核结果以短信告知申请人。"
      features={["查看待审核的企业信息、附件及营业执照识别比对结果", "审核通过或审核不通过，并填写处理意见"]}
    />
  );
}
