import { LaterVersion } from "../shared/LaterVersion";

export function IdentityPage() {
  return (
    <LaterVersion
      title="切换身份"
      description="根据实际情况选择企业角色或个人角色；有多个身份时可在此切换。"
      features={[
        "选择企业角色或个人角色，在多个身份之间切换，各页面按当前身份办理业务",
        "【新增】身份：填写企业名称、统一社会信用代码并选择身份，提交后提示“申请身份成功”",
        "首次使用主锁登录的企业请先新增管理员身份；项目负责人、授权委托人身份需企业管理员审批",
      ]}
    />
  );
}
