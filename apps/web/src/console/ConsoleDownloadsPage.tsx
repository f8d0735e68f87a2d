import { DownloadOutlined } from "@ant-design/icons";
import type { DownloadItem, KeybridgeBuildInfo } from "@lnca/contracts";
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { fileSize, useConsoleDownloads } from "../api/downloads";
import { ErrorResult } from "../shared/ErrorResult";
import { PageHeader } from "../shared/PageHeader";
import { formatDateTime } from "../time";

const BUILD_STATUS = {
  built: { label: "已构建", color: "success" },
  building: { label: "构建中", color: "processing" },
  missing: { label: "未构建", color: "warning" },
} as const;

const KINDS = { sea: "单文件可执行程序（Node.js SEA）", archive: "压缩包（自带 Node.js 与启动脚本）" } as const;

/** 下载中心 (console): what users can download, and how the keybridge package was built. */
export function ConsoleDownloadsPage() {
  const downloads = useConsoleDownloads();
  return (
    <>
      <PageHeader title="下载中心" description="用户在【下载中心】看到的文件，以及拓展程序安装包的构建信息。" />
      {downloads.isError && <ErrorResult error={downloads.error} onRetry={() => downloads.refetch()} />}
      <Space orientation="vertical" size="large" style={{ width: "100%" }}>
        <Card title={<h2 className="card-heading">拓展程序安装包</h2>} loading={downloads.isPending}>
          {downloads.data && <BuildInfo build={downloads.data.keybridgeBuild} />}
        </Card>
        <Card title={<h2 className="card-heading">文件</h2>}>
          <Table<DownloadItem>
            rowKey="name"
            loading={downloads.isPending}
            dataSource={downloads.data?.items ?? []}
            pagination={false}
            columns={[
              { title: "名称", dataIndex: "title" },
              { title: "版本", dataIndex: "version", render: (v: string | null) => v ?? "—" },
              { title: "大小", dataIndex: "size", render: (v: number | null) => (v === null ? "—" : fileSize(v)) },
              {
                title: "SHA-256",
                dataIndex: "sha256",
                render: (v: string | null) =>
                  v ? (
                    <Typography.Text code copyable={{ text: v }} className="download-sha256">
                      {v}
                    </Typography.Text>
                  ) : (
                    "—"
                  ),
              },
              {
                title: "下载",
                key: "download",
                render: (_, item) =>
                  item.url ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      href={item.url}
                      download={item.fileName ?? true}
                      aria-label={`下载${item.title}`}
                    >
                      下载
                    </Button>
                  ) : (
                    <Tag color="warning">不可下载</Tag>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}

function BuildInfo({ build }: { build: KeybridgeBuildInfo }) {
  const { manifest } = build;
  const status = BUILD_STATUS[build.status];
  return (
    <>
      {build.status === "missing" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="安装包尚未构建，用户暂时无法下载拓展程序。"
          description={
            <>
              在平台服务器的项目目录执行{" "}
              <Typography.Text code copyable>
                {build.buildCommand}
              </Typography.Text>
              （npm start 启动时也会在后台自动构建）。
            </>
          }
        />
      )}
      {manifest && !build.verified && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="安装包文件与清单中的 SHA-256 不符，已停止向用户提供，请重新构建。"
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="keybridge-build"
        items={[
          { key: "status", label: "状态", children: <Tag color={status.color}>{status.label}</Tag> },
          { key: "kind", label: "形式", children: manifest ? KINDS[manifest.kind] : "—" },
          { key: "version", label: "版本", children: manifest?.version ?? "—" },
          { key: "platform", label: "平台", children: manifest?.platform ?? "—" },
          { key: "builtAt", label: "构建时间", children: manifest ? formatDateTime(manifest.builtAt) : "—" },
          { key: "node", label: "Node.js", children: manifest?.nodeVersion ?? "—" },
          { key: "file", label: "文件", children: manifest?.fileName ?? "—" },
          { key: "size", label: "大小", children: manifest ? fileSize(manifest.size) : "—" },
          {
            key: "verified",
            label: "文件校验",
            children: manifest ? (build.verified ? "与清单一致" : "与清单不符") : "—",
          },
          { key: "directory", label: "目录", children: <Typography.Text code>{build.directory}</Typography.Text> },
          {
            key: "command",
            label: "构建命令",
            children: (
              <Typography.Text code copyable>
                {build.buildCommand}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
