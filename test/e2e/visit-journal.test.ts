// The visit journal at the booth and the visitor's rating, in headless Chromium: a specialist serves
// a visitor and records the reason and result with the keyboard alone; the visitor then rates the
// visit on the live ticket page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RatingsReport, TicketResult, VisitJournalSettings, VisitRecord } from '../../common/protocol';
import { DEFAULT_VISIT_JOURNAL_SETTINGS } from '../../server/store/visit-journal-defaults';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, liveTicketPath, officeApi } from '../support/talon-server';
import { startWorkAt } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };

/** The element that has focus, looked up through shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.localName}${active.getAttribute('name') ? `[name=${active.getAttribute('name')}]` : ''}${active.classList.contains('primary-action') ? '.primary-action' : ''}` : '';
  });
}

describe('visit journal and rating in the browser', () => {
  const env = useBrowserAndServer();

  it('an operator serves a visitor and records reason, result and contact with the keyboard; the visitor rates the visit', async () => {
    const { server } = env;
    const admin = await server.login('admin');
    const settings: VisitJournalSettings = { ...DEFAULT_VISIT_JOURNAL_SETTINGS, collectPersonalData: true, retentionDays: 30 };
    await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: settings, token: admin });
    const issued = await call<TicketResult>(server, officeApi('/tickets'), { deviceKey: server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
    if (!issued.body.ok) throw new Error('issuing failed');
    const ticket = issued.body.data.ticket;

    const { context, page } = await startWorkAt(env.browser, server, 'operator1', 'booth-1');
    // Call next, start, done — each waits for the booth to show the step before the next key.
    for (const [key, next] of [['n', 'start'], ['s', 'done'], ['d', 'callNext']]) {
      await page.keyboard.press(key!);
      await page.locator(`panel-action-bar button.primary-action[data-action="${next}"]`).waitFor();
    }
    const form = page.locator(`panel-visit-form [data-testid="visit-form"][data-ticket="${ticket.id}"]`);
    await form.waitFor();
    await expect(form.locator('h2').textContent()).resolves.toBe(`Visit ${ticket.code}`);

    await page.keyboard.press('v');
    expect(await focused(page)).toBe('select[name=reasonId]');
    await page.keyboard.press('ArrowDown'); // the first reason: documents for a benefit
    await page.keyboard.press('Tab');
    await page.keyboard.type('child benefit');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // the third result: incomplete set
    await page.keyboard.press('Tab');
    await page.keyboard.type('no income certificate');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kravets Olga');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+7 900 123-45-67');
    await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'visit-form.png')) });
    await page.keyboard.press('Enter');

    const entry = page.locator('panel-journal [data-visit]');
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toBe(
      'Documents for a benefit: child benefit → Incomplete set, checklist given: no income certificate · Kravets Olga, +7 900 123-45-67',
    );
    // Saved, the keyboard is back on the booth's actions: the next visitor is one key away.
    expect(await focused(page)).toBe('button.primary-action');
    await page.locator('panel-visit-form .saved').waitFor();
    await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'visit-journal.png')), fullPage: true });

    const operator = await server.login('operator1');
    const records = await call<VisitRecord[]>(server, officeApi('/visit-journal?counterId=booth-1'), { token: operator });
    expect(records.body.ok && records.body.data).toEqual([
      expect.objectContaining({ ticketId: ticket.id, reasonId: 'benefit-documents', resultId: 'returned-incomplete', visitorContact: '+7 900 123-45-67' }),
    ]);
    await context.close();

    const phone = await env.browser.newPage({ viewport: PHONE, locale: 'en-GB' });
    await phone.goto(`${server.url}${liveTicketPath(ticket.id)}`);
    const rating = phone.locator('kiosk-rating [data-rating="open"]');
    await rating.waitFor();
    await phone.locator('kiosk-rating button.send').click();
    await expect(phone.locator('kiosk-rating [role="alert"]').textContent()).resolves.toBe('Choose a score from 1 to 5.');
    await phone.locator('kiosk-rating [data-score="4"]').click();
    await phone.locator('kiosk-rating textarea').fill('Polite and quick, thank you');
    await phone.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'rating-open.png')), fullPage: true });
    await phone.locator('kiosk-rating button.send').click();
    const thanks = phone.locator('kiosk-rating [data-rating="rated"]');
    await thanks.waitFor();
    await expect(thanks.textContent()).resolves.toContain('You rated this visit 4 of 5');
    await phone.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'rating-thanks.png')), fullPage: true });

    // Coming back to the page shows the thanks, not the form again.
    await phone.reload();
    await thanks.waitFor();
    await phone.close();

    const report = await call<RatingsReport>(server, officeApi('/ratings/report'), { token: await server.login('manager') });
    expect(report.body.ok && report.body.data.overall).toEqual({ count: 1, average: 4, distribution: [0, 0, 0, 1, 0] });
  }, 90_000);
});
