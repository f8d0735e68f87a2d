import type { EnterpriseInformation } from "@lnca/contracts";
import { Alert, Modal, Typography } from "antd";
import { RevisionDescriptions } from "./RevisionDescriptions";

interface SubmitConfirmModalProps {
  open: boolean;
  information: EnterpriseInformation;
  submitting: boolean;
  /** The server's answer when it refused (e.g. what is still missing). */
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** 【提交审核】 shows everything entered, attachments included, before 【确定】 (guide §三 图 6). */
export function SubmitConfirmModal({
  open,
  information,
  submitting,
  problem,
  onConfirm,
  onCancel,
}: SubmitConfirmModalProps) {
  const { latest, enterprise } = information;
  return (
    <Modal
      open={open}
      title="确认企业信息"
      okText="确定"
      cancelText="返回修改"
      confirmLoading={submitting}
      onOk={onConfirm}
      onCancel={onCancel}
      width={960}
      destroyOnHidden
    >
      <Typography.Paragraph>请再次确认填写的信息及相关附件，确认无误后点击【确定】提交审核。</Typography.Paragraph>
      {latest && <RevisionDescriptions enterpriseId={enterprise.id} revision={latest} fullIdNumber />}
      {problem && <Alert type="error" showIcon title="提交失败" description={problem} />}
    </Modal>
  );
}
