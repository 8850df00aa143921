// Joining the queue from a phone (390 × 844) in real Chromium against a real Talon: the entrance
// poster's QR code names the join page; the visitor takes a ticket there, lands on its live page,
// is not called until "I'm here", and then is. Opening the entrance QR again on the same phone says
// "I'm here" too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_JOIN_SETTINGS, type JoinReceipt, type RemoteJoinSettings, type TicketResult } from '../../common/protocol';
import { expectAccessible } from '../support/axe';
import { useBrowserAndServer } from '../support/browser-and-server';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { ADMIN_PASSWORD, call, officeApi } from '../support/talon-server';
import { currentCode, openPanel, signIn, startWorkAt } from './panel-fixtures';

const PHONE = { width: 390, height: 844 };
const PUBLIC_URL = 'http://talon.example.org';
const SCREENSHOTS = 'docs/screenshots';

describe('joining the queue from a phone', () => {
  const env = useBrowserAndServer({ publicUrl: PUBLIC_URL });

  async function allowPhones(rules: Partial<RemoteJoinSettings> = {}): Promise<string> {
    const admin = await env.server.login('admin');
    const saved = await call(env.server, officeApi('/channels/remote-join'), {
      method: 'PUT',
      token: admin,
      body: { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true, arriveWithinMinutes: 45, ...rules },
    });
    if (!saved.body.ok) throw new Error(`settings refused: ${JSON.stringify(saved.body)}`);
    return admin;
  }

  /** The phone scans the poster (the join page, on the test's server) and taps a service; answers the ticket's id. */
  async function takeTicket(page: Page, serviceName: string): Promise<string> {
    await page.goto(`${env.server.url}/join/?office=main`);
    await page.locator('join-app button', { hasText: serviceName }).tap();
    await page.waitForURL(/\/t\/[^/?]+\?office=main$/);
    return decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  }

  it('prints a poster whose QR code opens the join page at the public address', async () => {
    await allowPhones();
    const page = await env.browser.newPage({ viewport: { width: 900, height: 1270 }, locale: 'ru-RU' });
    await page.goto(`${env.server.url}/poster/?office=main`);
    const qr = page.locator('poster-app .qr');
    await expect.poll(() => qr.getAttribute('data-join-url')).toBe(`${PUBLIC_URL}/join/?office=main`);
    await qr.locator('svg').waitFor();
    await expect(page.locator('poster-app .language h1').allTextContents()).resolves.toEqual([
      'Встаньте в очередь с телефона',
      'Станьте в чергу з телефона',
      'Join the queue from your phone',
    ]);
    const steps = page.locator('poster-app .language p');
    await expect(steps.first().textContent()).resolves.toContain('нажмите «Я на месте»');
    await expectAccessible(page);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/phone-join-poster.png`) });

    // Where a phone ticket is called without "I'm here", the poster does not ask for it, in any language.
    await allowPhones({ requireArrival: false, arriveWithinMinutes: null });
    await page.reload();
    await expect.poll(() => steps.allTextContents()).toEqual([
      expect.stringContaining('ждите свой номер на табло'),
      expect.stringContaining('чекайте свій номер на табло'),
      expect.stringContaining('wait for your number on the screen'),
    ]);
    await page.close();
  });

  it("takes a ticket, waits for \"I'm here\" and is called only after it", async () => {
    const admin = await allowPhones();
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'en-GB', hasTouch: true, isMobile: true });
    await page.goto(`${env.server.url}/join/?office=main`);
    await page.locator('join-app button', { hasText: 'Handing in documents' }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/phone-join-services.png`) });
    const ticketId = await takeTicket(page, 'Handing in documents');

    const arrival = page.locator('kiosk-live-ticket kiosk-arrival');
    await arrival.locator('button', { hasText: 'I’m here' }).waitFor();
    await expect(arrival.locator('p').first().textContent()).resolves.toMatch(/by \d\d:\d\d/);
    await expectAccessible(page);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/phone-join-arrival.png`) });

    const counter = (action: string) => call<TicketResult>(env.server, officeApi(`/counters/booth-1/${action}`), { token: admin, body: {} });
    await counter('open');
    const early = await counter('call-next');
    expect(early.body.ok ? 'called' : early.body.error.code).toBe('queue-empty');

    await arrival.locator('button').tap();
    await page.locator('kiosk-live-ticket [data-status="waiting"]').waitFor();
    const called = await counter('call-next');
    expect(called.body.ok && called.body.data.ticket?.id).toBe(ticketId);
    await expect(page.locator('kiosk-live-ticket [data-status="called"]').textContent()).resolves.toContain('Please go to window 1');
    await counter('finish');
    await page.close();
  });

  it('says "I\'m here" when the same phone opens the entrance QR again', async () => {
    await allowPhones();
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'en-GB', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const ticketId = await takeTicket(page, 'Certificates');
    await page.locator('kiosk-live-ticket kiosk-arrival').waitFor();

    await page.goto(`${env.server.url}/join/?office=main`);
    await page.waitForURL((url) => url.pathname === `/t/${ticketId}`);
    await page.locator('kiosk-live-ticket [data-status="waiting"]').waitFor();
    // Here already: the QR again offers the ticket as a link, and the services for another one.
    await page.goto(`${env.server.url}/join/?office=main`);
    await expect(page.locator('join-app a[data-current]').getAttribute('href')).resolves.toBe(`/t/${ticketId}?office=main`);
    await page.locator('join-app button[data-service="documents"]').waitFor();
    await context.close();
  });

  it('tells the visitor why a ticket cannot be taken, in their language', async () => {
    const admin = await env.server.login('admin');
    await call(env.server, officeApi('/channels/remote-join'), {
      method: 'PUT',
      token: admin,
      body: { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true, services: { consultation: { enabled: false, phoneShare: 0.5 } } },
    });
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU' });
    await page.goto(`${env.server.url}/join/?office=main`);
    const consultation = page.locator('join-app button[data-service="consultation"]');
    await expect(consultation.textContent()).resolves.toContain('Сейчас на эту услугу нельзя встать в очередь с телефона');
    expect(await consultation.isDisabled()).toBe(true);
    await page.close();
  });

  it("lets the admin set the rules per office and per service, and open the poster", async () => {
    const admin = await env.server.login('admin');
    await call(env.server, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: DEFAULT_REMOTE_JOIN_SETTINGS });
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('panel-view-nav button[data-view="settings"]').click();
    await page.locator('panel-admin nav button[data-section="remoteJoin"]').click();
    const section = page.locator('panel-admin-remote-join');
    await section.locator('input[name="enabled"]').check();
    await section.locator('input[name="ticketsPerPhonePerDay"]').fill('3');
    await section.locator('input[name="services.consultation.enabled"]').uncheck();
    await section.locator('input[name="services.documents.minutesBeforeOpening"]').fill('20');
    await section.locator('button[data-role="save"]').click();
    await section.locator('.saved').waitFor();
    const saved = await call<RemoteJoinSettings>(env.server, officeApi('/channels/remote-join'), { token: admin });
    expect(saved.body.ok && saved.body.data).toMatchObject({ enabled: true, ticketsPerPhonePerDay: 3, services: { consultation: { enabled: false }, documents: { enabled: true, minutesBeforeOpening: 20 } } });
    await expect(section.locator('a[data-role="poster"]').getAttribute('href')).resolves.toBe('/poster/?office=main');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/phone-join-admin.png`) });
    await context.close();
  });

  it('shows a phone ticket in the booth\'s postponed pool as not here yet, and the booth may call it by choice', async () => {
    await allowPhones();
    const joined = await call<JoinReceipt>(env.server, officeApi('/public/join'), { body: { serviceId: 'documents', phoneId: 'phone-for-the-booth-test' } });
    if (!joined.body.ok) throw new Error(`join refused: ${JSON.stringify(joined.body)}`);
    const { code } = joined.body.data;
    const { context, page } = await startWorkAt(env.browser, env.server, 'operator3', 'booth-3');
    const row = page.locator(`[data-queue="postponed"] li[data-ticket="${code}"]`);
    await expect(row.textContent()).resolves.toContain('From a phone, not here yet (dropped at');
    await row.locator('button.call').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(code);
    await context.close();
  });
});
