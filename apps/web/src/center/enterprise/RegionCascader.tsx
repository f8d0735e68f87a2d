import type { DivisionOption } from "@lnca/contracts/divisions";
import { Cascader } from "antd";
import { useDivisions } from "./useDivisions";

interface RegionCascaderProps {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
  "aria-required"?: "true";
  value?: string[] | null;
  onChange?: (value: string[] | null) => void;
}

/**
 * 省 / 市 / 区 from the real division data; the value is the path of division codes. No placeholder: antd draws
 * it at 1.8:1 contrast, and the label already says what to choose.
 */
export function RegionCascader({ id, value, onChange, ...aria }: RegionCascaderProps) {
  const divisions = useDivisions();
  return (
    <Cascader<DivisionOption>
      id={id}
      options={divisions.data}
      loading={divisions.isPending}
      value={value ?? undefined}
      onChange={(codes) => onChange?.(codes && codes.length > 0 ? codes.map(String) : null)}
      {...aria}
      showSearch
      allowClear
      notFoundContent={divisions.isError ? "地区数据加载失败，请刷新重试" : "无匹配地区"}
    />
  );
}
