import { type PendingKeyUpdate, renewalItemStatusLabels } from "@lnca/contracts";
import { Alert, Button, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { usePendingKeyUpdates } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { formatDate, formatDateTime } from "../../time";
import { KeyUpdateModal, type KeyUpdateSubject } from "./KeyUpdateModal";
import { type PendingRetire, pendingRetires } from "./keyUpdate";

/** 证书类型 as the guide's figure 6 names it: a unit's main key is a 机构证书, every other key a 个人证书. */
const certificateType = (categoryName: string) => (categoryName.includes("单位") ? "机构证书" : "个人证书");

/**
 * 【更新数字证书】 (guide §四(二) steps 6–9): paid renewals waiting for the holder to write the renewed
 * certificate to their key; 「请更新CA，完成延期」 opens 【读取 CA 数字证书】 → 【自助年检】 for one of them, and
 * continues an update that broke off. A renewal confirmed whose old key is still on the key is offered here too.
 */
export function KeyUpdatesPanel() {
  const updates = usePendingKeyUpdates();
  const [subject, setSubject] = useState<KeyUpdateSubject | null>(null);
  const [retires, setRetires] = useState<PendingRetire[]>(() => pendingRetires().list());
  if (updates.isError) return <ErrorResult error={updates.error} onRetry={() => void updates.refetch()} />;
  const updateItem = (item: PendingKeyUpdate) =>
    setSubject({
      target: { kind: "item", itemId: item.itemId, holderName: item.holderName },
      serialNumber: item.serialNumber,
      notAfter: item.notAfter,
    });
  return (
    <>
      {retires.map((retire) => (
        <Alert
          key={retire.keyUpdateId}
          type="warning"
          showIcon
          className="section-gap"
          data-testid="pending-retire"
          title={`持证人「${retire.holderName}」的新证书已生效，但原证书（序列号 ${retire.oldSerial.toUpperCase()}）尚未从 CA 锁中删除`}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  setSubject({
                    target: { kind: "retire", keyUpdateId: retire.keyUpdateId, holderName: retire.holderName },
                    serialNumber: retire.oldSerial,
                    notAfter: null,
                  })
                }
              >
                删除原证书
              </Button>
              <Button
                size="small"
                onClick={() => {
                  pendingRetires().forget(retire.keyUpdateId);
                  setRetires(pendingRetires().list());
                }}
              >
                已删除，不再提示
              </Button>
            </Space>
          }
        />
      ))}
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
            render: (_, item) => (
              <Space size={4}>
                <Button type="link" data-testid="key-update-action" onClick={() => updateItem(item)}>
                  {item.status === "updating" ? "继续更新，完成延期" : "请更新CA，完成延期"}
                </Button>
                {item.status === "updating" && <Tag color="processing">{renewalItemStatusLabels[item.status]}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <KeyUpdateModal
        subject={subject}
        onClose={() => {
          setSubject(null);
          setRetires(pendingRetires().list());
        }}
      />
    </>
  );
}
