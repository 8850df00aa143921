import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TicketResult } from '../../common/protocol';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, liveTicketPath, officeApi, startTalon } from '../support/talon-server';
import { docsScreenshotPath } from '../support/docs-screenshot';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };

describe('live ticket page', () => {
  const env = useBrowserAndServer();

  it('follows the ticket from waiting to called at a window, in the ticket language with a switch', async () => {
    const issue = () => call<TicketResult>(env.server, officeApi('/tickets'), { deviceKey: env.server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
    const first = await issue();
    const second = await issue();
    if (!first.body.ok || !second.body.ok) throw new Error('issuing failed');
    const ticket = second.body.data.ticket;

    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.server.url}${liveTicketPath(ticket.id)}`);
    await expect(page.locator('kiosk-live-ticket [data-ticket-code]').textContent()).resolves.toBe(ticket.code);
    await expect(page.locator('kiosk-live-ticket [data-ahead]').textContent()).resolves.toBe('1 person ahead of you');

    const token = await env.server.login('operator1');
    const counter = (action: string) => call(env.server, officeApi(`/counters/booth-1/${action}`), { token, body: {} });
    await counter('open');
    await counter('call-next');
    // The first ticket was called: this one now has nobody ahead.
    await page.locator('kiosk-live-ticket [data-ahead]', { hasText: 'Nobody is ahead of you' }).waitFor();
    await counter('finish');
    await counter('call-next');
    const called = page.locator('kiosk-live-ticket [data-status="called"]');
    await called.waitFor();
    await expect(called.textContent()).resolves.toContain('Please go to window 1');

    await page.locator('tl-language-switch button[lang="ru"]').click();
    await expect(called.textContent()).resolves.toContain('Подойдите к окну 1');
    await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'kiosk-live-ticket-called.png')) });
    await page.close();
  });

  it("opens from a ticket printed before offices (no office in the link) as office main's", async () => {
    const issued = await call<TicketResult>(env.server, officeApi('/tickets'), { deviceKey: env.server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
    if (!issued.body.ok) throw new Error('issuing failed');
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.server.url}/t/${issued.body.data.ticket.id}`);
    await expect(page.locator('kiosk-live-ticket [data-ticket-code]').textContent()).resolves.toBe(issued.body.data.ticket.code);
    await page.close();
  });

  it('says so when the ticket does not exist', async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.server.url}/t/no-such-ticket-id`);
    await expect(page.locator('kiosk-live-ticket [data-status="missing"]').textContent()).resolves.toBe('Такого талона нет');
    await page.close();
  });
});
