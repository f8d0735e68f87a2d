import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { isAdminOf, isClaimedBy, isCreatorOrAdmin, isMemberOf, isUser } from "./predicates";

const user = (
  userId: string,
  identity: { role: "admin" | "project_lead" | "individual"; enterpriseId: string | null } | null,
): Actor => ({
  kind: "user",
  userId,
  identity: identity && { id: `i-${userId}`, ...identity },
});
const adminA = user("ua", { role: "admin", enterpriseId: "A" });
const adminB = user("ub", { role: "admin", enterpriseId: "B" });
const leadA = user("ul", { role: "project_lead", enterpriseId: "A" });
const individual = user("ui", { role: "individual", enterpriseId: null });
const reviewer1: Actor = { kind: "staff", staffId: "s1", role: "reviewer" };
const reviewer2: Actor = { kind: "staff", staffId: "s2", role: "reviewer" };

describe("policy predicates", () => {
  it("members and administrators are of their own enterprise only", () => {
    expect([adminA, leadA, adminB, individual].map((a) => isMemberOf(a, "A"))).toEqual([true, true, false, false]);
    expect([adminA, leadA, adminB].map((a) => isAdminOf(a, "A"))).toEqual([true, false, false]);
    expect(isMemberOf(individual, null)).toBe(false);
    expect(isAdminOf(reviewer1, "A")).toBe(false);
  });

  it("a person is themselves in any identity", () => {
    expect(isUser(leadA, "ul")).toBe(true);
    expect(isUser(adminA, "ul")).toBe(false);
    expect(isUser(reviewer1, "s1")).toBe(false);
  });

  it("an order: its creator or the enterprise's administrator", () => {
    const order = { createdByUserId: "ul", enterpriseId: "A" };
    expect([leadA, adminA, adminB, individual].map((a) => isCreatorOrAdmin(a, order))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("a revision: only the reviewer who claimed it", () => {
    expect(isClaimedBy(reviewer1, { claimedByStaffId: "s1" })).toBe(true);
    expect(isClaimedBy(reviewer2, { claimedByStaffId: "s1" })).toBe(false);
    expect(isClaimedBy(reviewer1, { claimedByStaffId: null })).toBe(false);
    expect(isClaimedBy(adminA, { claimedByStaffId: "ua" })).toBe(false);
  });
});
