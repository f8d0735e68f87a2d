import { describe, expect, it } from "vitest";
import { type DivisionOption, divisionNames, divisionOptions, divisionPathSchema } from "./divisions";

describe("administrative divisions", () => {
  it("names a province / city / district path", () => {
    expect(divisionNames(["21", "2101", "210102"])).toEqual(["辽宁省", "沈阳市", "和平区"]);
    expect(divisionNames(["21", "2102", "210202"])).toEqual(["辽宁省", "大连市", "中山区"]);
    expect(divisionNames(["11", "1101", "110101"])).toEqual(["北京市", "市辖区", "东城区"]);
    expect(divisionNames(["21"])).toEqual(["辽宁省"]);
    expect(divisionNames(["21", "2101"])).toEqual(["辽宁省", "沈阳市"]);
  });

  it.each([
    [["21", "2201", "220102"], "a city of another province"],
    [["21", "2101", "210202"], "a district of another city"],
    [["21", "2101", "219999"], "a district that does not exist"],
    [["99"], "a province that does not exist"],
    [[], "no code"],
    [["21", "2101", "210102", "210102001"], "a street, one level too deep"],
  ])("refuses %j (%s)", (codes) => {
    expect(divisionNames(codes)).toBeNull();
  });

  it("gives the cascader the whole tree, three levels deep, codes as values", () => {
    expect(divisionOptions()).toHaveLength(31);
    expect(divisionOptions()).toBe(divisionOptions());
    const liaoning = divisionOptions().find((p) => p.value === "21");
    expect(liaoning?.label).toBe("辽宁省");
    expect(liaoning?.children?.map((c) => c.label)).toEqual([
      "沈阳市",
      "大连市",
      "鞍山市",
      "抚顺市",
      "本溪市",
      "丹东市",
      "锦州市",
      "营口市",
      "阜新市",
      "辽阳市",
      "盘锦市",
      "铁岭市",
      "朝阳市",
      "葫芦岛市",
    ]);
    const leaves = (options: DivisionOption[], depth: number): number[] =>
      options.flatMap((o) => (o.children ? leaves(o.children, depth + 1) : [depth]));
    expect(new Set(leaves(divisionOptions(), 1))).toEqual(new Set([3]));
    // Every path through the tree is one divisionNames accepts.
    const shenyang = liaoning?.children?.[0];
    const heping = shenyang?.children?.find((d) => d.label === "和平区");
    expect(divisionNames(["21", shenyang?.value ?? "", heping?.value ?? ""])).toEqual(["辽宁省", "沈阳市", "和平区"]);
  });

  it("checks a complete path at the boundary with zh-CN messages", () => {
    expect(divisionPathSchema.parse(["21", "2101", "210102"])).toEqual(["21", "2101", "210102"]);
    const message = (value: unknown) => divisionPathSchema.safeParse(value).error?.issues[0]?.message;
    expect(message(["21", "2101"])).toBe("请选择省、市、区县");
    expect(message("210102")).toBe("请选择省、市、区县");
    expect(message(["21", "2101", "210202"])).toBe("所选地区不存在，请重新选择");
  });
});
