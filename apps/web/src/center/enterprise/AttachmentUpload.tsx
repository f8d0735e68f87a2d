import { CheckCircleOutlined, UploadOutlined } from "@ant-design/icons";
import {
  type Attachment,
  ENTERPRISE_ATTACHMENT_MAX_BYTES,
  ENTERPRISE_ATTACHMENTS,
  type EnterpriseAttachmentKind,
} from "@lnca/contracts";
import { App, Button, Space, Typography, Upload } from "antd";
import { errorMessage } from "../../api/client";
import { revisionAttachmentUrl, useUploadEnterpriseAttachment } from "../../api/enterpriseInfo";
import { acceptOf, attachmentText } from "./attachmentFormat";

interface AttachmentUploadProps {
  enterpriseId: string;
  kind: EnterpriseAttachmentKind;
  /** The revision the uploaded file belongs to, for 【查看】. */
  revisionId: string | null;
  /** From the Form.Item: the file input gets the id, so the item's label names it. */
  id?: string;
  value?: Attachment | null;
  onChange?: (value: Attachment | null) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
  "aria-required"?: "true";
}

/**
 * An attachment of the draft, uploaded as soon as it is chosen (the server checks what the bytes are); then its
 * name and size, and 【查看】. Size and declared type are checked here too, so a wrong file is refused at once.
 */
export function AttachmentUpload({
  enterpriseId,
  kind,
  revisionId,
  id,
  value,
  onChange,
  ...aria
}: AttachmentUploadProps) {
  const upload = useUploadEnterpriseAttachment(enterpriseId);
  const { message } = App.useApp();
  const { mediaTypes, formats } = ENTERPRISE_ATTACHMENTS[kind];
  return (
    <Space wrap data-testid={`attachment-${kind}`}>
      <Upload
        id={id}
        {...aria}
        accept={acceptOf(kind)}
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.type && !mediaTypes.includes(file.type)) {
            message.error(`文件格式应为 ${formats}`);
            return Upload.LIST_IGNORE;
          }
          if (file.size > ENTERPRISE_ATTACHMENT_MAX_BYTES) {
            message.error("文件不能超过 5 MB");
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(
            { kind, file: file as File },
            {
              onSuccess: (information) => {
                message.success("附件已上传");
                onChange?.(information.latest?.attachments[kind] ?? null);
                onSuccess?.(information);
              },
              onError: (error) => {
                message.error(errorMessage(error));
                onError?.(error as Error);
              },
            },
          );
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          {value ? "重新上传" : "上传"}
        </Button>
      </Upload>
      {value ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已上传：{attachmentText(value)}{" "}
          {revisionId && (
            <Typography.Link
              href={revisionAttachmentUrl(enterpriseId, revisionId, kind)}
              target="_blank"
              rel="noopener"
            >
              查看
            </Typography.Link>
          )}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">未上传（{formats}，不超过 5 MB）</Typography.Text>
      )}
    </Space>
  );
}
