import { DownloadOutlined, ExportOutlined } from "@ant-design/icons";
import { type Attachment, ENTERPRISE_ATTACHMENTS, type EnterpriseAttachmentKind } from "@lnca/contracts";
import { Button, Flex, Space, Typography } from "antd";
import { useState } from "react";
import { reviewAttachmentUrl } from "../../api/review";
import { formatDateTime } from "../../time";

interface AttachmentPreviewProps {
  revisionId: string;
  kind: EnterpriseAttachmentKind;
  attachment: Attachment | null;
  enterpriseName: string;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * One attachment as the reviewer checks it: an image inline; a PDF behind 【页内预览】 (an embedded frame only
 * when asked, since it depends on the file answer allowing same-origin framing) with 打开 and 下载 always there.
 * Every load of a personal scan is audited by the server.
 */
export function AttachmentPreview({ revisionId, kind, attachment, enterpriseName }: AttachmentPreviewProps) {
  const [framed, setFramed] = useState(false);
  const { label } = ENTERPRISE_ATTACHMENTS[kind];
  const url = reviewAttachmentUrl(revisionId, kind);
  const description = `${enterpriseName}：${label}`;

  return (
    <figure className="review-attachment" data-testid={`attachment-${kind}`}>
      <figcaption>
        <Typography.Text strong>{label}</Typography.Text>
        {attachment && (
          <Typography.Text type="secondary" className="review-attachment-meta">
            {attachment.fileName ?? "未命名文件"} · {formatSize(attachment.sizeBytes)} · 上传于{" "}
            {formatDateTime(attachment.uploadedAt)}
          </Typography.Text>
        )}
      </figcaption>
      {!attachment ? (
        <Typography.Text type="secondary">未上传</Typography.Text>
      ) : attachment.mediaType.startsWith("image/") ? (
        <a href={url} target="_blank" rel="noopener" aria-label={`在新窗口查看原图：${label}`}>
          <img className="review-attachment-image" src={url} alt={description} loading="lazy" />
        </a>
      ) : (
        <Flex vertical gap={8}>
          <Space wrap>
            <Button href={url} target="_blank" rel="noopener" icon={<ExportOutlined />} aria-label={`打开 ${label}`}>
              打开
            </Button>
            <Button
              href={url}
              download={attachment.fileName ?? `${kind}.pdf`}
              icon={<DownloadOutlined />}
              aria-label={`下载 ${label}`}
            >
              下载
            </Button>
            <Button onClick={() => setFramed((v) => !v)} aria-expanded={framed}>
              {framed ? "收起预览" : "页内预览"}
            </Button>
          </Space>
          {framed && <iframe className="review-attachment-pdf" src={url} title={`PDF 预览：${description}`} />}
        </Flex>
      )}
    </figure>
  );
}
