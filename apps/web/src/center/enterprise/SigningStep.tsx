import { DownloadOutlined } from "@ant-design/icons";
import type { Attachment, EnterpriseInformation } from "@lnca/contracts";
import { Button, Form, Space, Typography } from "antd";
import { sealFormUrl } from "../../api/enterpriseInfo";
import { AttachmentUpload } from "./AttachmentUpload";
import { attachmentLabel } from "./attachmentFormat";

interface SigningStepProps {
  information: EnterpriseInformation;
  onBack: () => void;
  onSubmit: () => void;
}

/** Step 3, 签署信息 (guide §三 图 5): download the 电子签章印模采集表, upload it stamped, 【提交审核】. */
export function SigningStep({ information, onBack, onSubmit }: SigningStepProps) {
  const enterpriseId = information.enterprise.id;
  return (
    <Form<{ sealForm: Attachment | null }>
      name="signing"
      layout="vertical"
      initialValues={{ sealForm: information.latest?.attachments.sealForm ?? null }}
      onFinish={onSubmit}
    >
      <Form.Item label="电子签章印模采集表" extra="下载后打印，加盖公章，再扫描或拍照上传。">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={sealFormUrl(enterpriseId)} download>
            下载
          </Button>
          <Typography.Text type="secondary">已填入本单位信息的 PDF 文件</Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item
        name="sealForm"
        label={attachmentLabel("sealForm")}
        rules={[{ required: true, message: "请上传该附件" }]}
      >
        <AttachmentUpload enterpriseId={enterpriseId} kind="sealForm" revisionId={information.latest?.id ?? null} />
      </Form.Item>
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" htmlType="submit">
          提交审核
        </Button>
      </Space>
    </Form>
  );
}
