// An accessibility audit of the page as it stands, with axe-core: a browser test calls it at each
// state worth auditing. Critical and serious violations fail the test; so do moderate ones, except
// the few listed below with the reason each is accepted.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Moderate findings accepted on purpose, by axe rule id, each with the reason as its value. The
 * staff app has none left: its pages got a main landmark, a level-one heading and named edit
 * buttons. A page that must keep one (a kiosk that forbids zoom) adds it here with its reason.
 */
const ACCEPTED: Readonly<Record<string, string>> = {};

const BLOCKING_IMPACTS = new Set(['critical', 'serious', 'moderate']);

export async function auditAccessibility(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? '') && !(v.id in ACCEPTED));
  if (failing.length === 0) return;
  const lines = failing.map(
    (v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' >>> ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`)
      .join('\n')}`,
  );
  throw new Error(`Accessibility of ${label}: ${failing.length} violation(s)\n${lines.join('\n')}`);
}
