import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/** WCAG 2.0 and 2.1, levels A and AA: the project's definition of done. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** What fails a page: the impacts a user cannot work around. */
const BLOCKING = new Set(["serious", "critical"]);

/** What the motion check reads of the page's `document` (the e2e project has no DOM types). */
interface AnimatedDocument {
  getAnimations(): { playState: string; effect: { getComputedTiming(): { endTime?: number | string } } | null }[];
}

/**
 * Half-way through antd's fade and slide motions a text's colour is not yet its own, which axe would report as
 * low contrast: wait for the finite animations to end (spinners run forever and are left alone).
 */
const motionSettled = () =>
  (globalThis as unknown as { document: AnimatedDocument }).document
    .getAnimations()
    .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY);

/**
 * axe-core on the page as it is now (its current route, tab, form or message): no serious or critical
 * WCAG 2.1 A/AA violation. A failure lists each rule with the nodes it found, so the fix can start from it.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Each check brings its own time (a few seconds on a busy 2-core machine): the journey keeps its budget.
  test.info().setTimeout(test.info().timeout + 10_000);
  await test.step(`accessibility: ${label}`, async () => {
    // Polled from here: waitForFunction compiles its predicate in the page, which the CSP forbids.
    await expect.poll(() => page.evaluate(motionSettled), { timeout: 5_000 }).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const blocking = violations
      .filter((violation) => BLOCKING.has(violation.impact ?? ""))
      .map((violation) => {
        const nodes = violation.nodes.map((node) => {
          const why = [...node.any, ...node.all, ...node.none].map((check) => check.message).join("; ");
          return `    ${node.target.join(" ")}${why ? `: ${why}` : ""}`;
        });
        return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join("\n");
      });
    expect(blocking.join("\n"), `${label} (${page.url()}): serious or critical accessibility violations`).toBe("");
  });
}
