import type { RenewableCertificate } from "@lnca/contracts";
import { Button, Checkbox, Flex, Input, Select, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useRenewableCertificates } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { isExpiringSoon } from "./ExpiryCell";
import { RenewalBlockers } from "./RenewalBlockers";
import { renewableColumns } from "./renewableColumns";
import { chooseCertificates, useRenewalDraft } from "./renewalDraft";

const ALL = "all";
const selectable = (certificate: RenewableCertificate) => certificate.openOrderId === null;

/**
 * 【CA 延期年检】 (guide §四(二) steps 1–2): the certificates the identity may renew. An enterprise may have
 * hundreds, so the list is filtered and paged in the browser and 全选 takes every page of the filtered list.
 */
export function RenewableCertificatesPanel() {
  const navigate = useNavigate();
  const query = useRenewableCertificates();
  const draft = useRenewalDraft();
  const [selected, setSelected] = useState<string[]>(() => draft.certificates.map((c) => c.certificateId));
  const [category, setCategory] = useState(ALL);
  const [expiringOnly, setExpiringOnly] = useState(false);
  const [holder, setHolder] = useState("");

  const items = query.data?.items ?? [];
  const blockers = query.data?.blockers ?? [];
  const categories = useMemo(() => [...new Map(items.map((c) => [c.categoryCode, c.categoryName])).entries()], [items]);
  const filtered = items.filter(
    (c) =>
      (category === ALL || c.categoryCode === category) &&
      (!expiringOnly || isExpiringSoon(c.daysLeft)) &&
      (!holder || c.holderName.includes(holder)),
  );
  const filteredSelectable = filtered.filter(selectable).map((c) => c.certificateId);
  const chosen = items.filter((c) => selectable(c) && selected.includes(c.certificateId));
  const allChecked = filteredSelectable.length > 0 && filteredSelectable.every((id) => selected.includes(id));
  const someChecked = filteredSelectable.some((id) => selected.includes(id));

  const toggleAll = (checked: boolean) =>
    setSelected((current) =>
      checked
        ? [...new Set([...current, ...filteredSelectable])]
        : current.filter((id) => !filteredSelectable.includes(id)),
    );

  const next = () => {
    chooseCertificates(chosen);
    navigate("/center/ca/renew/platforms");
  };

  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <RenewalBlockers blockers={blockers} />
      <Flex gap={12} wrap align="center" className="section-gap">
        <Checkbox
          data-testid="select-all-pages"
          checked={allChecked}
          indeterminate={someChecked && !allChecked}
          disabled={filteredSelectable.length === 0}
          onChange={(event) => toggleAll(event.target.checked)}
        >
          全选（共 {filteredSelectable.length} 张，含所有页）
        </Checkbox>
        <Select
          aria-label="按 CA 证类别筛选"
          style={{ width: 180 }}
          value={category}
          onChange={setCategory}
          options={[{ value: ALL, label: "全部 CA 证类别" }, ...categories.map(([value, label]) => ({ value, label }))]}
        />
        <Checkbox checked={expiringOnly} onChange={(event) => setExpiringOnly(event.target.checked)}>
          仅看 30 天内到期
        </Checkbox>
        <Input.Search
          allowClear
          aria-label="搜索持证人"
          placeholder="持证人姓名"
          style={{ width: 220 }}
          maxLength={50}
          onSearch={(value) => setHolder(value.trim())}
        />
      </Flex>
      <Table<RenewableCertificate>
        data-testid="renewable-table"
        rowKey="certificateId"
        size="middle"
        loading={query.isPending}
        dataSource={filtered}
        columns={renewableColumns}
        scroll={{ x: 960 }}
        locale={{ emptyText: blockers.length > 0 ? "满足上述条件后即可办理延期" : "暂无可延期的 CA 数字证书" }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (total) => `共 ${total} 张` }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (c) => ({ disabled: !selectable(c), "aria-label": `选择 ${c.holderName} 的证书` }),
          // The table's own header box takes one page only; 全选 above takes every page of the filtered list.
          hideSelectAll: true,
        }}
      />
      <Flex justify="space-between" align="center" wrap gap={12} className="section-gap-top">
        <Typography.Text data-testid="renewal-selected-count">
          已选择 <strong>{chosen.length}</strong> 张证书
          {chosen.length > 0 && (
            <Button type="link" size="small" onClick={() => setSelected([])}>
              清空
            </Button>
          )}
        </Typography.Text>
        <Space>
          <Button type="primary" disabled={chosen.length === 0 || blockers.length > 0} onClick={next}>
            下一步
          </Button>
        </Space>
      </Flex>
    </>
  );
}
