import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { launchBrowser } from '../support/browser';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { docsScreenshotPath } from '../support/docs-screenshot';

const NOON_IRKUTSK = zonedToEpoch('2030-01-15', '12:00', 'Asia/Irkutsk');
const SCREENSHOTS = 'docs/screenshots';

describe('the public booking page', () => {
  let server: RunningTalon;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTalon({ webApps: 'dist', clock: () => NOON_IRKUTSK }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function chooseFirstFreeSlot(page: Page, service: string): Promise<void> {
    await page.locator('book-app button.choice', { hasText: service }).click();
    await page.locator('book-app section').nth(1).locator('button.choice').first().click();
    await page.locator('book-slot-grid button:not([disabled])').first().click();
  }

  it('books the chosen time and shows the code the server stored', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 420, height: 900 } });
    await page.goto(`${server.url}/book/`);
    await chooseFirstFreeSlot(page, 'Handing in documents');
    // Visitors book at least an hour ahead of the server's time (12:00 at the office).
    await expect(page.locator('book-slot-grid button:not([disabled])').first().textContent()).resolves.toContain('13:00');
    await page.locator('book-visitor-form input[name=name]').fill('Olga Kravets');
    await page.locator('book-visitor-form input[name=phone]').fill('+7 900 123-45-67');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/book-form-en.png`), fullPage: true });
    await page.locator('book-visitor-form button[type=submit]').click();

    const code = await page.locator('book-receipt .code').getAttribute('data-code');
    await expect(page.locator('book-receipt strong').textContent()).resolves.toContain('13:00');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/book-code-en.png`), fullPage: true });
    const consultant = await server.login('consultant');
    const found = await call<Appointment[]>(server, officeApi(`/appointments?code=${code}`), { token: consultant });
    expect(found.body).toMatchObject({ ok: true, data: [{ name: 'Olga Kravets', serviceId: 'documents', createdBy: 'public', language: 'en' }] });
    await page.close();
  });

  it('speaks the office’s language to a visitor whose browser it does not know', async () => {
    const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 420, height: 900 } });
    await page.goto(`${server.url}/book/`);
    await expect(page.locator('book-app h1').textContent()).resolves.toBe('Запись на приём');
    await page.locator('book-app tl-language-switch button[lang=uk]').click();
    await expect(page.locator('book-app h1').textContent()).resolves.toBe('Запис на прийом');
    await chooseFirstFreeSlot(page, 'Консультація');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/book-slots-uk.png`), fullPage: true });
    await page.close();
  });
});
