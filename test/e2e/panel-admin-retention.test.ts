// The retention tab in the staff app, on the real built page against a real server: an admin sees
// what the next purge would remove before it runs, changes how long the journal is kept, purges at
// once and then sees it as the last purge; a manager does not get the tab.
import { describe, expect, it } from 'vitest';
import type { RetentionSettings } from '../../common/protocol/retention';
import { useBrowserAndServer } from '../support/browser-and-server';
import { ADMIN_PASSWORD, call, officeApi } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const env = useBrowserAndServer();
const DAY_MS = 86_400_000;

/** A booking whose slot was two months ago: past the office's 30 days, its name and phone are due to go. */
async function bookingTwoMonthsAgo(): Promise<void> {
  const slot = Date.now() - 60 * DAY_MS;
  const service = [...env.server.engine.currentConfig.services.keys()][0]!;
  await env.server.db.transaction((tx) =>
    tx.run(
      `INSERT INTO appointments (id, office_id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status, created_at, created_by, updated_at)
       VALUES ('old-booking', 'main', 'Q7W8E9', ?, ?, ?, ?, 'Kravets O.', '+380 67 123 45 67', '380671234567', 'en', 'no-show', ?, 'public', ?)`,
      [service, new Date(slot).toISOString().slice(0, 10), slot, slot + 15 * 60_000, slot - DAY_MS, slot - DAY_MS],
    ),
  );
}

describe('retention tab', () => {
  it('shows what the next purge would remove, saves the journal’s period, and purges on request', async () => {
    await bookingTwoMonthsAgo();
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('panel-view-nav button[data-view="settings"]').click();
    await page.locator('panel-admin nav button[data-section="retention"]').click();
    const tab = page.locator('panel-admin-retention');

    const next = tab.locator('[data-role="next-purge"]');
    await next.locator('tr[data-kind="booking-details"] td.count').filter({ hasText: '1' }).waitFor();
    expect(await next.locator('tr[data-kind="tickets"] td.count').textContent()).toBe('0');
    expect(await tab.locator('[data-role="personal-data"]').textContent()).toContain('30 days');
    expect(await next.locator('[data-role="journal-before"]').textContent()).toContain(String(new Date().getFullYear() - 5));
    await tab.locator('[data-role="last-purge"]').getByText('No purge has run yet.').waitFor();

    await tab.locator('input[name="journalDays"]').fill('730');
    await tab.locator('button[data-role="save"]').click();
    await tab.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = await call<RetentionSettings>(env.server, officeApi('/retention/settings'), { token: await env.server.login('admin') });
    expect(saved.body).toEqual({ ok: true, data: { journalDays: 730 } });
    await next.locator('[data-role="journal-before"]').filter({ hasText: String(new Date().getFullYear() - 2) }).waitFor();

    await tab.locator('button[data-role="purge-now"]').click();
    await tab.getByRole('status').filter({ hasText: 'Purged.' }).waitFor();
    await tab.locator('[data-role="last-purge"] tr[data-kind="booking-details"] td.count').filter({ hasText: '1' }).waitFor();
    expect(await next.locator('tr[data-kind="booking-details"] td.count').textContent()).toBe('0');
    expect(await env.server.db.read.get("SELECT name, phone, phone_digits FROM appointments WHERE id = 'old-booking'")).toEqual({ name: '', phone: '', phone_digits: '' });
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/admin-retention.png'), fullPage: true });
    await context.close();
  });

  it('is not offered to a manager', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'manager', env.server.demo.staffPassword);
    await page.locator('panel-view-nav button[data-view="settings"]').click();
    await page.locator('panel-admin nav button[data-section="visitJournal"]').waitFor();
    expect(await page.locator('panel-admin nav button[data-section="retention"]').count()).toBe(0);
    await context.close();
  });
});
