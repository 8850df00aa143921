// Every page and API answer carries the security headers, and the Content-Security-Policy blocks
// nothing the apps really do: kiosk, hall display, staff app, the live ticket and public booking
// are loaded and used while every violation is collected.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { useBrowserAndServer } from '../support/browser-and-server';
import { watchCsp, type CspWatch } from '../support/csp-watch';
import { liveTicketPath, officeApi } from '../support/talon-server';
import { openKiosk, serviceButton, shownTicketCode } from './kiosk-fixtures';
import { currentCode, issueAtKiosk, startWorkAt } from './panel-fixtures';

// Booking needs the office's time of day: noon at the office, an hour before the first free slot.
const NOON_IRKUTSK = zonedToEpoch('2030-01-15', '12:00', 'Asia/Irkutsk');

describe('security headers', () => {
  const env = useBrowserAndServer({ clock: () => NOON_IRKUTSK }, { autoplay: true });

  it.each(['/kiosk/', '/display/', '/panel/', '/book/', '/t/no-such-ticket', officeApi('/services'), '/api/no-such-endpoint'])('are sent with %s', async (path) => {
    const response = await fetch(`${env.server.url}${path}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('let the kiosk, display, staff app, live ticket and booking pages load and work without a single violation', async () => {
    const { server, browser } = env;
    const pages: { name: string; page: Page; csp: CspWatch }[] = [];
    const open = async (name: string, url: string, viewport = { width: 1280, height: 900 }) => {
      const page = await browser.newPage({ viewport, locale: 'en-GB' });
      const csp = await watchCsp(page);
      await page.goto(`${server.url}${url}`);
      pages.push({ name, page, csp });
      return page;
    };

    const display = await open('display', `/display/?key=${server.deviceKey('display')}`);
    await display.locator('display-hall, display-booth-sign').first().waitFor();

    const kiosk = await open('kiosk', `/kiosk/?key=${server.deviceKey('kiosk')}`, { width: 1080, height: 1920 });
    await serviceButton(kiosk, 'documents').click();
    const code = await shownTicketCode(kiosk);

    const issued = await issueAtKiosk(server, 'documents');
    const live = await open('live ticket', liveTicketPath(issued.id), { width: 390, height: 844 });
    await live.locator('kiosk-live-ticket [data-ticket-code]').waitFor();

    const panel = await startWorkAt(browser, server, 'operator1', 'booth-1');
    const staff = await watchCsp(panel.page);
    await panel.page.reload();
    await panel.page.locator('panel-action-bar button[data-action="callNext"]').click();
    await expect.poll(() => currentCode(panel.page).textContent()).toContain(code);
    pages.push({ name: 'staff app', page: panel.page, csp: staff });
    // The hall shows and speaks the call (chime from a data: URL, speech from the server).
    await display.locator(`display-current-calls .row[data-ticket="${code}"]`).waitFor();

    const book = await open('booking', '/book/', { width: 420, height: 900 });
    await book.locator('book-app button.choice', { hasText: 'Handing in documents' }).click();
    await book.locator('book-app section').nth(1).locator('button.choice').first().click();
    await book.locator('book-slot-grid button:not([disabled])').first().click();
    await book.locator('book-visitor-form input[name=name]').fill('Olga Kravets');
    await book.locator('book-visitor-form input[name=phone]').fill('+7 900 123-45-67');
    await book.locator('book-visitor-form button[type=submit]').click();
    await book.locator('book-receipt .code').waitFor();

    const found: Record<string, string[]> = {};
    for (const { name, csp } of pages) found[name] = await csp.violations();
    expect(found).toEqual({ display: [], kiosk: [], 'live ticket': [], 'staff app': [], booking: [] });
    for (const { page } of pages) await page.close();
    await panel.context.close();
  }, 180_000);
});
