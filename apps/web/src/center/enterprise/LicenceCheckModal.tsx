import type { LicenceComparison } from "@lnca/contracts";
import { Alert, Modal, Spin, Typography } from "antd";
import { ComparisonTable } from "./ComparisonTable";

export type LicenceCheck =
  | { state: "closed" }
  | { state: "recognising" }
  | { state: "compared"; comparison: LicenceComparison }
  | { state: "unavailable" };

interface LicenceCheckModalProps {
  check: LicenceCheck;
  onConfirm: () => void;
  onCancel: () => void;
}

const TIP =
  "通过系统智能对比，结果为绿色代表数据对比一致，红色代表数据对比不一致，系统识别可能存在误差，请确保您填写的信息与营业执照内容完全一致后，点击确定。";

/**
 * After 【下一步】 of step 1: 「正在识别营业执照…」, then the comparison with the guide's 温馨提示 (§三 图 3).
 * Recognition never blocks the journey: when it fails or is too slow the dialog says so and 【确定】 goes on.
 */
export function LicenceCheckModal({ check, onConfirm, onCancel }: LicenceCheckModalProps) {
  const recognising = check.state === "recognising";
  return (
    <Modal
      open={check.state !== "closed"}
      title={recognising ? "营业执照识别" : "温馨提示"}
      okText="确定"
      cancelText="返回修改"
      okButtonProps={{ disabled: recognising }}
      closable={!recognising}
      mask={{ closable: false }}
      onOk={onConfirm}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
    >
      {recognising && (
        <div className="full-page-spin" role="status">
          <Spin description="正在识别营业执照…" />
        </div>
      )}
      {check.state === "compared" && (
        <>
          <Typography.Paragraph>{TIP}</Typography.Paragraph>
          <ComparisonTable rows={check.comparison.rows} />
        </>
      )}
      {check.state === "unavailable" && (
        <Alert
          type="warning"
          showIcon
          title="营业执照识别暂不可用，请自行核对后继续"
          description="请确保您填写的信息与营业执照内容完全一致后，点击确定。"
        />
      )}
    </Modal>
  );
}
