import {
  type EnterpriseAttachmentKind,
  type EnterpriseRevision,
  enterpriseAttachmentKindSchema,
} from "@lnca/contracts";
import { Descriptions, Typography } from "antd";
import { revisionAttachmentUrl } from "../../api/enterpriseInfo";
import { attachmentLabel, attachmentText } from "./attachmentFormat";

/** Every attachment of a revision: its name and size with 【查看】, or 未上传. */
export function AttachmentsDescriptions({
  enterpriseId,
  revision,
}: {
  enterpriseId: string;
  revision: EnterpriseRevision;
}) {
  const item = (kind: EnterpriseAttachmentKind) => {
    const attachment = revision.attachments[kind];
    return {
      key: kind,
      label: attachmentLabel(kind),
      children: attachment ? (
        <>
          {attachmentText(attachment)}{" "}
          {/* Underlined: a link inside text must not be told apart by colour alone (WCAG 1.4.1). */}
          <Typography.Link
            href={revisionAttachmentUrl(enterpriseId, revision.id, kind)}
            target="_blank"
            rel="noopener"
            underline
          >
            查看
          </Typography.Link>
        </>
      ) : (
        "未上传"
      ),
    };
  };
  return (
    <Descriptions
      title="附件"
      bordered
      size="small"
      column={1}
      items={enterpriseAttachmentKindSchema.options.map(item)}
      className="section-gap"
    />
  );
}
