// An accessibility audit of the page as rendered, with axe-core (through every shadow root): no
// critical and no serious violation is allowed; a moderate one only when the test names it with
// the reason it is accepted, so every exception is written down next to the page it is on. Minor
// findings (best practices) are not audited.
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Rule id → why the page may break it (moderate rules only). */
export type JustifiedRules = Readonly<Record<string, string>>;

function describe(violations: Result[]): string[] {
  return violations.map((v) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Runs axe on the page and fails the test on any violation that is not justified. */
export async function expectAccessible(page: Page, justified: JustifiedRules = {}): Promise<void> {
  // Legacy mode runs axe inside the page itself; the default opens a helper page in the page's
  // context, which pages made by browser.newPage() cannot do. The pages audited have no iframes.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const severe = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const unjustified = violations.filter((v) => v.impact === 'moderate' && !(v.id in justified));
  expect(describe(severe), 'critical and serious violations').toEqual([]);
  expect(describe(unjustified), 'moderate violations without a reason').toEqual([]);
}
