// axe-core over every page a visitor sees, as rendered in real Chromium against a real Talon:
// no critical or serious violation, and each accepted moderate one named with its reason.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketResult } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { expectAccessible } from '../support/axe';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, liveTicketPath, officeApi } from '../support/talon-server';
import { configureFullMenu, openKiosk, PORTRAIT, shownTicketCode } from './kiosk-fixtures';

const PHONE = { width: 390, height: 844 };
// Tuesday noon at the office, so the booking page offers times; the clock runs on from there.
const NOON = zonedToEpoch('2030-01-15', '12:00', 'Asia/Irkutsk');
const started = Date.now();
/** The kiosk may forbid zoom (issue 10): a touch screen in a hall, where a pinch would push its
 * buttons off screen and strand the next visitor; its large-text mode magnifies instead. */
const KIOSK_ACCEPTS = { 'meta-viewport': 'a public kiosk forbids pinch zoom; its large-text mode magnifies instead' };

describe('accessibility of the visitor pages (axe-core)', () => {
  const env = useBrowserAndServer({ clock: () => NOON + (Date.now() - started) });

  async function kioskStartScreen(): Promise<Page> {
    const page = await openKiosk(env.browser, env.server, { viewport: PORTRAIT });
    await page.locator('kiosk-service-grid button').first().waitFor();
    return page;
  }

  it('finds no serious problem on the kiosk start screen, in a group, on the keypad and the ticket', async () => {
    await configureFullMenu(env.server);
    const page = await kioskStartScreen();
    await expectAccessible(page, KIOSK_ACCEPTS);

    await page.locator('kiosk-service-grid button[data-group]').first().click();
    await page.locator('kiosk-app button[data-back]').waitFor();
    await expectAccessible(page, KIOSK_ACCEPTS);
    await page.locator('kiosk-app button[data-back]').click();

    await page.locator('kiosk-app button[data-appointment]').click();
    await page.locator('kiosk-booking-keypad').waitFor();
    await expectAccessible(page, KIOSK_ACCEPTS);
    await page.locator('kiosk-booking-keypad').evaluate((keypad) => keypad.dispatchEvent(new CustomEvent('overlay-close', { bubbles: true, composed: true })));

    await page.locator('kiosk-service-grid button[data-service="documents"]').click();
    await shownTicketCode(page);
    await expectAccessible(page, KIOSK_ACCEPTS);
    await page.close();
  });

  it('finds no serious problem in the large-text mode', async () => {
    const page = await kioskStartScreen();
    await page.locator('kiosk-access-bar button[data-large-text]').click();
    await page.locator('kiosk-app[large-text]').waitFor();
    await expectAccessible(page, KIOSK_ACCEPTS);
    await page.close();
  });

  it('finds no serious problem on the hall display and a booth sign', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${env.server.url}/display/?key=${env.server.deviceKey('display')}&zone=hall&lang=ru`);
    await page.locator('display-hall').waitFor();
    await expectAccessible(page);
    await page.goto(`${env.server.url}/display/?key=${env.server.deviceKey('display')}&counter=booth-1`);
    await page.locator('display-booth-sign').waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('finds no serious problem on the booking page of a phone, with a time chosen', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU' });
    await page.goto(`${env.server.url}/book/`);
    await page.locator('book-app button.choice').first().click();
    await page.locator('book-app section').nth(1).locator('button.choice').first().click();
    await page.locator('book-slot-grid button:not([disabled])').first().click();
    await page.locator('book-visitor-form input[name=name]').waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('finds no serious problem on the live ticket page of a phone', async () => {
    const issued = await call<TicketResult>(env.server, officeApi('/tickets'), { deviceKey: env.server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'ru' } });
    if (!issued.body.ok) throw new Error('issuing failed');
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.server.url}${liveTicketPath(issued.body.data.ticket.id)}`);
    await page.locator('kiosk-live-ticket [data-ticket-code]').waitFor();
    expect(await page.title()).toBe(`Талон ${issued.body.data.ticket.code}`);
    await expectAccessible(page);
    await page.close();
  });
});
