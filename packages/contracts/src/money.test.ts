import { describe, expect, it } from "vitest";
import { formatCapitalAmount, formatYuan, parsePrintedAmount } from "./money";

describe("parsePrintedAmount: 注册资本 as a licence prints it, in fen", () => {
  it.each([
    ["伍佰万元整", 500_000_000],
    ["人民币壹仟贰佰万元整", 1_200_000_000],
    ["壹亿贰仟万元", 12_000_000_000],
    ["叁拾万零伍佰元整", 30_050_000],
    ["拾万元", 10_000_000],
    ["壹佰元伍角", 10_050],
    ["500万元人民币", 500_000_000],
    ["1,200.5 万元", 1_200_500_000],
    ["88888元", 8_888_800],
  ])("%s → %i fen", (printed, fen) => {
    expect(parsePrintedAmount(printed)).toBe(fen);
  });

  it.each(["", "人民币", "伍佰万美元", "abc"])("%s is not an amount", (printed) => {
    expect(parsePrintedAmount(printed)).toBeNull();
  });

  it("formats fen back as yuan", () => {
    expect(formatYuan(500_000_000)).toBe("5000000");
  });
});

describe("formatCapitalAmount: a total as an invoice writes it in capitals", () => {
  it.each([
    [0, "零元整"],
    [65_000, "陆佰伍拾元整"],
    [70_000, "柒佰元整"],
    [1_000, "壹拾元整"],
    [105, "壹元零伍分"],
    [50, "伍角"],
    [10_050, "壹佰元伍角"],
    [100_500, "壹仟零伍元整"],
    [1_050_000, "壹万零伍佰元整"],
    [10_000_000_000, "壹亿元整"],
    [10_001_000_000, "壹亿零壹万元整"],
    [10_000_000_500, "壹亿零伍元整"],
    [123_456_789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"],
  ])("%i fen → %s", (fen, capitals) => {
    expect(formatCapitalAmount(fen)).toBe(capitals);
  });

  it("reads back as the same amount", () => {
    for (const fen of [65_000, 10_050, 123_456_700, 1_050_000]) {
      expect(parsePrintedAmount(formatCapitalAmount(fen))).toBe(fen);
    }
  });

  it("refuses what is not an amount in fen", () => {
    expect(() => formatCapitalAmount(-1)).toThrow(RangeError);
    expect(() => formatCapitalAmount(1.5)).toThrow(RangeError);
  });
});
