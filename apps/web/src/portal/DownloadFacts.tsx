import type { DownloadItem } from "@lnca/contracts";
import { Descriptions, Typography } from "antd";
import { fileSize } from "../api/downloads";

/** 版本, 文件, 大小 and the copyable SHA-256 of one download, so a user can check the file they saved. */
export function DownloadFacts({ item }: { item: DownloadItem }) {
  const items = [
    ...(item.version ? [{ key: "version", label: "版本", children: item.version }] : []),
    ...(item.fileName ? [{ key: "file", label: "文件", children: item.fileName }] : []),
    ...(item.size !== null ? [{ key: "size", label: "大小", children: fileSize(item.size) }] : []),
    ...(item.sha256
      ? [
          {
            key: "sha256",
            label: "SHA-256",
            children: (
              <Typography.Text
                code
                copyable={{ text: item.sha256, tooltips: ["复制 SHA-256", "已复制"] }}
                className="download-sha256"
                data-testid={`sha256-${item.name}`}
              >
                {item.sha256}
              </Typography.Text>
            ),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={1} items={items} className="download-facts" />;
}
