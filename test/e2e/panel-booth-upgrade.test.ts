// A booth PC upgraded from a single-office Talon (before #11) kept its booth under one key for the
// whole installation. Its specialist lands on that booth after the upgrade without choosing it again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/browser-and-server';
import { openPanel, signIn } from './panel-fixtures';

/** Where a single-office panel kept the booth, and where the single office keeps it now. */
const OLD_KEY = 'talon.panel.counter';
const SINGLE_OFFICE_KEY = 'talon.panel.counter.main';

/** What this computer's localStorage holds, as the page that was there before the upgrade left it. */
async function storeBefore(page: Page, entries: Record<string, string>): Promise<void> {
  await page.evaluate((items) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, entries);
  await page.reload();
}

const storedBooths = (page: Page) =>
  page.evaluate(([old, perOffice]) => ({ old: localStorage.getItem(old!), perOffice: localStorage.getItem(perOffice!) }), [OLD_KEY, SINGLE_OFFICE_KEY]);

describe('booth panel after the upgrade to many offices', () => {
  const env = useBrowserAndServer();

  it('opens the booth a single-office panel remembered, and keeps it under the office from then on', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await storeBefore(page, { [OLD_KEY]: 'booth-2' });
    await signIn(page, 'operator1', env.server.demo.staffPassword);
    await page.getByRole('heading', { name: 'Booth 2' }).waitFor();
    expect(await page.locator('panel-booth-picker').count()).toBe(0);
    expect(await storedBooths(page)).toEqual({ old: null, perOffice: 'booth-2' });
    await context.close();
  });

  it('keeps a booth chosen since the upgrade over the old one, and forgets the old one', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await storeBefore(page, { [OLD_KEY]: 'booth-2', [SINGLE_OFFICE_KEY]: 'booth-3' });
    await signIn(page, 'operator1', env.server.demo.staffPassword);
    await page.getByRole('heading', { name: 'Booth 3' }).waitFor();
    expect(await storedBooths(page)).toEqual({ old: null, perOffice: 'booth-3' });
    await context.close();
  });
});
