import type { RenewalBlocker } from "@lnca/contracts";
import { Alert, Button } from "antd";
import { useNavigate } from "react-router-dom";

const ACTIONS: Record<RenewalBlocker["code"], string> = {
  PROFILE_INCOMPLETE: "去完善个人信息",
  ENTERPRISE_NOT_APPROVED: "去查看企业信息",
  NO_ENTERPRISE_IDENTITY: "去切换身份",
};

/** Each unmet precondition said plainly, with the page where it is met. */
export function RenewalBlockers({ blockers }: { blockers: RenewalBlocker[] }) {
  const navigate = useNavigate();
  return blockers.map((blocker) => (
    <Alert
      key={blocker.code}
      type="warning"
      showIcon
      className="section-gap"
      data-testid="renewal-blocker"
      title={blocker.message}
      action={
        <Button size="small" type="primary" onClick={() => navigate(blocker.link)}>
          {ACTIONS[blocker.code]}
        </Button>
      }
    />
  ));
}
