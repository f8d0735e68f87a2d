import { describe, expect, it } from "vitest";
import { formatYuan, parsePrintedAmount } from "./money";

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
