import type { Division } from "@lnca/contracts/divisions";
import { Cascader } from "antd";
import { useDivisions } from "./useDivisions";

interface RegionCascaderProps {
  id?: string;
  value?: string[] | null;
  onChange?: (value: string[] | null) => void;
}

const FIELD_NAMES = { label: "name", value: "code", children: "children" } as const;

/** 省 / 市 / 区 from the real division data; the value is the path of division codes. */
export function RegionCascader({ id, value, onChange }: RegionCascaderProps) {
  const divisions = useDivisions();
  return (
    <Cascader<Division>
      id={id}
      options={divisions.data as Division[] | undefined}
      fieldNames={FIELD_NAMES}
      loading={divisions.isPending}
      value={value ?? undefined}
      onChange={(codes) => onChange?.(codes && codes.length > 0 ? codes.map(String) : null)}
      placeholder="请选择省 / 市 / 区"
      showSearch
      allowClear
      notFoundContent={divisions.isError ? "地区数据加载失败，请刷新重试" : "无匹配地区"}
    />
  );
}
