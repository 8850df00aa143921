// A visitor manages their booking from a phone (390 × 844) while a consultant's appointment book is
// open on a desk: book on /book/, open the receipt's manage link, move the visit, cancel it. The
// consultant's page shows each change without anyone touching it (`appointments:changed`), and says
// the visitor cancelled. Real Chromium, real server, the office's clock running from Tuesday noon.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { expectAccessible } from '../support/axe';
import { useBrowserAndServer } from '../support/browser-and-server';
import { openPanel, signIn } from './panel-fixtures';

const ZONE = 'Asia/Irkutsk';
const NOON = zonedToEpoch('2030-01-15', '12:00', ZONE);
const at = (time: string) => zonedToEpoch('2030-01-15', time, ZONE);
const PHONE = { width: 390, height: 844 };
/** The consultant's page must change by itself, well before its 30-second reload. */
const LIVE = { timeout: 10_000 };

async function consultantBook(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/panel/`);
  await page.locator('panel-consultant-slots button').first().waitFor();
  await page.locator('panel-consultant select[name="service"]').selectOption('documents');
  return page;
}

describe('a visitor managing their booking from a phone', () => {
  const started = Date.now();
  const env = useBrowserAndServer({ clock: () => NOON + (Date.now() - started) });

  it('books, opens the manage link, moves and cancels, and the open appointment book follows', async () => {
    const { context: desk, page: signInPage } = await openPanel(env.browser, env.server);
    await signIn(signInPage, 'consultant', env.server.demo.staffPassword);
    await signInPage.locator('panel-session').waitFor();
    const book = await consultantBook(desk, env.server.url);

    const phone = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU', hasTouch: true, isMobile: true });
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${env.server.url}/book/`);
    await phone.locator('book-app button.choice', { hasText: 'Приём документов' }).click();
    await phone.locator('book-app section').nth(1).locator('button.choice').first().click();
    await phone.locator(`book-slot-grid button[data-start="${at('13:30')}"]`).click();
    await phone.locator('book-visitor-form input[name=name]').fill('Ольга Кравец');
    await phone.locator('book-visitor-form input[name=phone]').fill('+7 900 123-45-67');
    await phone.locator('book-visitor-form button[type=submit]').click();
    const code = (await phone.locator('book-receipt [data-code]').getAttribute('data-code'))!;
    const row = book.locator(`[data-testid="day-bookings"] tr[data-code="${code}"]`);
    await row.waitFor(LIVE);
    await phone.screenshot({ path: '/tmp/h5/receipt.png' });

    await phone.locator('book-receipt a[data-role="manage-link"]').click();
    await expect.poll(() => phone.url()).toMatch(/\/book\/manage\/\?office=main#[\w-]{22}$/);
    await phone.locator('book-manage-booking [data-status="booked"]').waitFor();
    expect(await phone.locator('book-manage-booking [data-code]').getAttribute('data-code')).toBe(code);
    await phone.screenshot({ path: '/tmp/h5/manage.png' });

    await phone.locator('book-manage-booking button[data-role="move"]').tap();
    await phone.locator('book-manage-move button.choice').first().tap();
    await phone.locator(`book-manage-move book-slot-grid button[data-start="${at('14:30')}"]`).tap();
    await phone.locator('book-manage-move button[data-role="move-confirm"]').tap();
    await expect.poll(() => phone.locator('book-manage-app [data-role="note"]').textContent()).toContain('Готово');
    await phone.screenshot({ path: '/tmp/h5/moved.png' });
    await expect.poll(() => row.locator('td.time').textContent(), LIVE).toContain('14:30');

    await phone.locator('book-manage-booking button[data-role="cancel"]').tap();
    await phone.locator('book-manage-booking button[data-role="cancel-yes"]').tap();
    await phone.locator('book-manage-booking [data-status="cancelled"]').waitFor();
    await phone.locator('book-manage-booking p', { hasText: 'Вы отменили эту запись.' }).waitFor();
    await phone.screenshot({ path: '/tmp/h5/cancelled.png' });
    await expect.poll(() => row.getAttribute('data-status'), LIVE).toBe('cancelled');
    expect(await row.locator('[data-role="cancelled-by"]').textContent()).toMatch(/by the visitor, .*\d\d:\d\d/);
    await book.screenshot({ path: '/tmp/h5/consultant.png' });
    await phone.close();
    await desk.close();
  });

  it('finds a booking by code and phone, answers a wrong phone as not found, and passes axe-core', async () => {
    const answer = await fetch(`${env.server.url}/api/offices/main/public/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceId: 'documents', slotStart: at('15:30'), name: 'Ivan', phone: '+7 900 765 43 21', language: 'en' }),
    });
    const { data } = (await answer.json()) as { data: { code: string } };
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'en-GB' });
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/book/manage/?office=main`);
    const form = page.locator('book-manage-find');
    await form.locator('input[name=code]').waitFor();
    await expectAccessible(page);
    await form.locator('input[name=code]').fill(data.code.toLowerCase());
    await form.locator('input[name=phone]').fill('900 000 00 00');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('book-manage-app [role="alert"]').textContent()).toContain('No booking has this code and phone number');
    await form.locator('input[name=phone]').fill('900 765 43 21');
    await form.locator('button[type=submit]').click();
    await page.locator('book-manage-booking [data-status="booked"]').waitFor();
    await page.screenshot({ path: '/tmp/h5/found.png' });
    await expectAccessible(page);
    await page.locator('book-manage-booking button[data-role="cancel"]').click();
    await page.locator('book-manage-booking button[data-role="cancel-yes"]').waitFor();
    await expectAccessible(page);
    await page.locator('book-manage-booking button', { hasText: 'No, keep it' }).click();
    await page.locator('book-manage-booking button[data-role="move"]').click();
    await page.locator('book-manage-move button.choice').first().click();
    await page.locator('book-manage-move book-slot-grid button').first().waitFor();
    await expectAccessible(page);
    await page.close();
  });
});
