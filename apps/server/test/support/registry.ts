import { makeUscc } from "./identifiers";

/** A valid 证书名录 CSV of `rows` rows (about 100 bytes each): 2,000 enterprises, two platforms a row. */
export function largeRegistryCsv(rows: number, platformCodes: string[]): string {
  const lines = ["serial,issuer,holder,enterprise_uscc,category,platforms,enterprise_name"];
  for (let i = 0; i < rows; i++) {
    const platforms = `${platformCodes[i % platformCodes.length]}|${platformCodes[(i + 1) % platformCodes.length]}`;
    const n = 700_000 + (i % 2000);
    lines.push(
      `${(0xf00000 + i).toString(16)},CN=老平台 CA,持证人${i},${makeUscc(n)},project_lead,${platforms},企业${n}`,
    );
  }
  return lines.join("\n");
}
