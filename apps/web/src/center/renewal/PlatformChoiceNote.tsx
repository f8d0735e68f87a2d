import { Alert } from "antd";

/** The guide's 平台选择说明, word for word: dropping a platform is cheap to do and costly to undo. */
export function PlatformChoiceNote() {
  return (
    <Alert
      type="warning"
      showIcon
      className="section-gap"
      title="平台选择说明"
      description="请谨慎选择勾选关联平台，如原有关联平台，在延期时未经勾选，则证书更新后，该平台将于证书更新成功之日起停止使用，再次新增需按照平台新增标准重新缴费，用户需自行把握延期时间及关联平台勾选。"
    />
  );
}
