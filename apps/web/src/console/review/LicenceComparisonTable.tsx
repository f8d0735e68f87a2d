import type { LicenceComparison } from "@lnca/contracts";
import { Alert, Descriptions, Table, Typography } from "antd";
import { formatDateTime } from "../../time";
import { SameTag } from "./reviewTags";

type Row = LicenceComparison["rows"][number];

const NOT_READ = "未识别";

/**
 * 营业执照识别比对 (guide §三 figure 3) as the applicant saw it: what was typed beside what the licence reads.
 * Rows are tinted green or red, and each says 一致 / 不一致 in words.
 */
export function LicenceComparisonTable({ recognition }: { recognition: LicenceComparison | null }) {
  if (!recognition) {
    return <Alert type="warning" showIcon title="该版本没有营业执照识别结果，请对照营业执照附件人工核对。" />;
  }
  const differing = recognition.rows.filter((row) => !row.same).length;
  return (
    <>
      <Alert
        className="section-gap"
        type={differing ? "warning" : "success"}
        showIcon
        title={
          differing
            ? `有 ${differing} 项与营业执照识别结果不一致，请对照营业执照附件核对（识别可能有误）。`
            : "填写内容与营业执照识别结果全部一致。"
        }
      />
      <Table<Row>
        data-testid="licence-comparison"
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={recognition.rows}
        rowClassName={(row) => (row.same ? "comparison-same" : "comparison-different")}
        columns={[
          { title: "字段", dataIndex: "label", width: 140 },
          { title: "用户填写数据", dataIndex: "entered", render: (v: string | null) => v ?? "未填写" },
          { title: "营业执照识别数据", dataIndex: "recognised", render: (v: string | null) => v ?? NOT_READ },
          { title: "比对结果", dataIndex: "same", width: 110, render: (same: boolean) => <SameTag same={same} /> },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} className="section-gap-top">
        <Descriptions.Item label="识别时间">{formatDateTime(recognition.recognisedAt)}</Descriptions.Item>
        <Descriptions.Item label="类型（识别）">{recognition.fields.companyType ?? NOT_READ}</Descriptions.Item>
        <Descriptions.Item label="成立日期（识别）">{recognition.fields.establishedOn ?? NOT_READ}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="section-gap-top" style={{ marginBottom: 0 }}>
        识别结果仅供参考，以营业执照原件为准。
      </Typography.Paragraph>
    </>
  );
}
