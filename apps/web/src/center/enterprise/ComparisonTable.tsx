import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import type { LicenceComparison } from "@lnca/contracts";

type Row = LicenceComparison["rows"][number];

/**
 * 用户填写数据 | 营业执照识别数据, a row per compared field (guide §三 图 3): green when the same, red when not —
 * with an icon and 一致 / 不一致 too, so the result is not told by colour alone.
 */
export function ComparisonTable({ rows }: { rows: Row[] }) {
  return (
    <table className="licence-comparison" data-testid="licence-comparison">
      <thead>
        <tr>
          <th scope="col">用户填写数据</th>
          <th scope="col">营业执照识别数据</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={row.same ? "same" : "different"} data-field={row.field}>
            <td>
              {row.label}：{row.entered ?? "未填写"}
            </td>
            <td>
              {row.same ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />} {row.label}：
              {row.recognised ?? "未识别"}
              <span className="comparison-verdict">（{row.same ? "一致" : "不一致"}）</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
