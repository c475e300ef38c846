import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails on any serious or critical accessibility violation on what the page shows now. */
export async function expectNoSeriousA11yViolations(page: Page, include?: string) {
  // Only violations are judged, so axe need not gather every passing node (about 15% of a scan).
  // Legacy mode runs axe once in the page: the default runs it per frame, then opens a blank page
  // of its own to merge the results and injects axe there too. The console has no frames, so the
  // rules and the nodes they judge are the same (checked: the same four planted violations found
  // either way), at about 320 ms a scan against 800.
  let builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "")).join(", ")})`),
  ).toEqual([]);
}
