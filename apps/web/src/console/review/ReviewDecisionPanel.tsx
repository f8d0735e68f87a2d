import type { ReviewDetail } from "@lnca/contracts";
import { Alert, App, Button, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useStaffSession } from "../../api/console";
import { type ReviewAction, useReviewAction } from "../../api/review";
import { formatDateTime } from "../../time";
import { RejectOpinionModal } from "./RejectOpinionModal";

/**
 * Who may decide: a pending revision is claimed first (so two reviewers never decide the same one); only its
 * claimant sees 【审核通过】 and 【审核不通过】. A decided revision shows its result and opinion instead.
 */
export function ReviewDecisionPanel({ detail }: { detail: ReviewDetail }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useStaffSession().data;
  const action = useReviewAction();
  const [rejecting, setRejecting] = useState(false);
  const { revision, claim } = detail;

  const revisionId = revision.id;
  const run = (next: ReviewAction, done: string, backToQueue: boolean) =>
    action.mutate(next, {
      onSuccess: () => {
        message.success(done);
        setRejecting(false);
        if (backToQueue) navigate("/console/review");
      },
      onError: (e) => message.error(e.message),
    });
  const busy = (kind: ReviewAction["kind"]) => action.isPending && action.variables?.kind === kind;

  if (revision.status !== "pending_review") {
    const approved = revision.status === "approved";
    return (
      <Alert
        data-testid="review-result"
        type={approved ? "success" : revision.status === "rejected" ? "error" : "info"}
        showIcon
        title={approved ? "审核通过" : revision.status === "rejected" ? "审核不通过" : "该版本不在待审核状态"}
        description={
          <>
            {revision.reviewedAt && <div>审核时间：{formatDateTime(revision.reviewedAt)}</div>}
            {revision.reviewOpinion && <div>处理意见：{revision.reviewOpinion}</div>}
          </>
        }
      />
    );
  }

  if (!claim) {
    return (
      <Alert
        data-testid="review-claim"
        type="info"
        showIcon
        title="尚未领取"
        description="领取后由您负责审核，其他审核员将不能审核此版本。"
        action={
          <Button
            type="primary"
            loading={busy("claim")}
            onClick={() => run({ revisionId, kind: "claim" }, "已领取，请审核", false)}
          >
            领取
          </Button>
        }
      />
    );
  }

  if (claim.staffId !== me?.id) {
    return (
      <Alert
        data-testid="review-claim"
        type="warning"
        showIcon
        title={`已由 ${claim.staffName} 领取`}
        description={`${claim.staffName} 于 ${formatDateTime(claim.claimedAt)} 领取了此版本，由其审核；您只能查看。`}
      />
    );
  }

  return (
    <>
      <Alert
        data-testid="review-claim"
        type="success"
        showIcon
        title="您已领取，请审核"
        description={`领取时间：${formatDateTime(claim.claimedAt)}。核对下方信息和附件后作出审核结论，结果将以短信告知申请人。`}
        action={
          <Space wrap>
            <Popconfirm
              title="确认审核通过？"
              description="审核通过后该版本立即生效，并以短信告知申请人。"
              okText="确认通过"
              cancelText="取消"
              onConfirm={() => run({ revisionId, kind: "approve" }, "审核通过，已通知申请人", true)}
            >
              <Button type="primary" loading={busy("approve")}>
                审核通过
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setRejecting(true)}>
              审核不通过
            </Button>
            <Button loading={busy("release")} onClick={() => run({ revisionId, kind: "release" }, "已放弃领取", false)}>
              放弃领取
            </Button>
          </Space>
        }
      />
      <RejectOpinionModal
        open={rejecting}
        pending={busy("reject")}
        onCancel={() => setRejecting(false)}
        onSubmit={(opinion) => run({ revisionId, kind: "reject", opinion }, "审核不通过，已通知申请人", true)}
      />
    </>
  );
}
