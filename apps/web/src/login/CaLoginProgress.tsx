import { Steps } from "antd";
import { CA_LOGIN_STEPS, type CaLoginFailure, type CaLoginPhase } from "./useCaLogin";

interface CaLoginProgressProps {
  phase: CaLoginPhase;
  running: boolean;
  failure: CaLoginFailure | null;
}

/** 获取登录请求 → CA 锁签名 → 验证证书, with the failing step in red. */
export function CaLoginProgress({ phase, running, failure }: CaLoginProgressProps) {
  const status = failure ? "error" : running ? "process" : "finish";
  return (
    <div data-testid="ca-login-progress" className="ca-login-progress">
      <Steps size="small" current={phase} status={status} items={CA_LOGIN_STEPS.map((title) => ({ title }))} />
    </div>
  );
}
