import { type Attachment, ENTERPRISE_ATTACHMENTS, type EnterpriseAttachmentKind } from "@lnca/contracts";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": ".jpg,.jpeg",
  "image/png": ".png",
  "application/pdf": ".pdf",
};

/** The file chooser's filter for an attachment kind (the server still checks the bytes). */
export const acceptOf = (kind: EnterpriseAttachmentKind) =>
  ENTERPRISE_ATTACHMENTS[kind].mediaTypes.map((type) => EXTENSIONS[type] ?? type).join(",");

/** 「营业执照(副本)彩色扫描件或加盖公章复印件(JPG/PNG)」, as the guide labels it. */
export const attachmentLabel = (kind: EnterpriseAttachmentKind) =>
  `${ENTERPRISE_ATTACHMENTS[kind].label}(${ENTERPRISE_ATTACHMENTS[kind].formats})`;

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 「licence.jpg（312 KB）」; a file kept without its name reads by its type. */
export function attachmentText(attachment: Attachment): string {
  const name = attachment.fileName ?? (attachment.mediaType === "application/pdf" ? "PDF 文件" : "图片");
  return `${name}（${fileSizeText(attachment.sizeBytes)}）`;
}
