import { type PendingKeyUpdate, renewalItemStatusLabels } from "@lnca/contracts";
import { Alert, Table, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import { usePendingKeyUpdates } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { formatDate, formatDateTime } from "../../time";

/** 证书类型 as the guide's figure 6 names it: a unit's main key is a 机构证书, every other key a 个人证书. */
const certificateType = (categoryName: string) => (categoryName.includes("单位") ? "机构证书" : "个人证书");

/**
 * 【更新数字证书】 (guide §四(二) step 6): paid renewals waiting for the holder to write the renewed certificate
 * to their key. The update itself (读取 CA 数字证书 → 自助年检) needs the keybridge.
 */
export function KeyUpdatesPanel() {
  const updates = usePendingKeyUpdates();
  if (updates.isError) return <ErrorResult error={updates.error} onRetry={() => void updates.refetch()} />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="section-gap"
        title="操作证书更新业务，请使用火狐或谷歌浏览器，并确保安装了最新版 CA 互联互通(辽宁版) 驱动。"
        description={
          <>
            驱动可在{" "}
            <Link to="/downloads" className="inline-link">
              下载中心
            </Link>{" "}
            下载。插入对应的 CA 锁后即可【读取 CA 数字证书】并【自助年检】。
          </>
        }
      />
      <Table<PendingKeyUpdate>
        data-testid="key-updates-table"
        rowKey="itemId"
        size="middle"
        loading={updates.isPending}
        dataSource={updates.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: "暂无待更新的 CA 数字证书" }}
        pagination={{ defaultPageSize: 10, showTotal: (total) => `共 ${total} 条` }}
        columns={[
          { title: "申请时间", dataIndex: "appliedAt", width: 170, render: (at: string) => formatDateTime(at) },
          { title: "证书类型", key: "type", width: 100, render: (_, item) => certificateType(item.categoryName) },
          { title: "持证人", dataIndex: "holderName", width: 120 },
          { title: "证书厂商", dataIndex: "vendor", width: 100 },
          { title: "CA 证类别", dataIndex: "categoryName", width: 140 },
          {
            title: "到期时间",
            dataIndex: "notAfter",
            width: 120,
            render: (at: string | null) => (at ? formatDate(at) : "—"),
          },
          {
            title: "操作",
            key: "action",
            render: (_, item) =>
              item.status === "awaiting_update" ? (
                <Tooltip title="自助年检将在插入 CA 锁后进行，此功能即将开放">
                  <Typography.Text type="warning" data-testid="key-update-action">
                    请更新CA，完成延期
                  </Typography.Text>
                </Tooltip>
              ) : (
                <Tag>{renewalItemStatusLabels[item.status]}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
