import { describe, expect, it } from "vitest";
import { containing } from "./like";

describe("containing (LIKE patterns typed by people)", () => {
  it("matches the text anywhere, with the person's wildcards and backslashes dropped", () => {
    expect(containing("PL2026")).toBe("%PL2026%");
    expect(containing("刘_洋%\\")).toBe("%刘洋%");
  });
});
