// The honest wait on the screens of a ticket: with every booth closed the kiosk and the live page on
// the visitor's phone say the wait cannot be estimated yet; once a booth opens they give a number.
// The printed ticket says the same (test/integration/printing.test.ts, through the real print agent).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import type { Ticket } from '../../common/protocol';
import { useBrowserAndServer, type BrowserAndServer } from '../support/browser-and-server';
import { call, liveTicketPath, officeApi } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

const PHONE = { width: 390, height: 844 };
const UNKNOWN_RU = translate('ru', 'ticket.expectedWaitUnknown');

async function takeTicket({ browser, server }: BrowserAndServer, serviceId: string): Promise<{ page: Page; ticket: Ticket }> {
  const page = await openKiosk(browser, server);
  await serviceButton(page, serviceId).click();
  const code = await shownTicketCode(page);
  const ticket = (await openTickets(server)).find((t) => t.code === code)!;
  return { page, ticket };
}

describe('an honest wait on the kiosk and the phone', () => {
  const env = useBrowserAndServer();

  it('says the wait cannot be estimated while every booth is closed, then gives a number once a booth opens', async () => {
    const { page: kiosk, ticket } = await takeTicket(env, 'documents');
    expect(ticket.estimate?.waitMinutes).toBeNull();
    await expect(kiosk.locator('kiosk-issued-ticket [data-wait]').textContent()).resolves.toBe(UNKNOWN_RU);

    const phone = await env.browser.newPage({ viewport: PHONE });
    await phone.goto(`${env.server.url}${liveTicketPath(ticket.id)}`);
    const liveWait = phone.locator('kiosk-live-ticket [data-wait]');
    await expect(liveWait.textContent()).resolves.toBe(UNKNOWN_RU);
    await phone.locator('tl-language-switch button[lang="uk"]').click();
    await expect(liveWait.textContent()).resolves.toBe(translate('uk', 'ticket.expectedWaitUnknown'));
    await phone.locator('tl-language-switch button[lang="en"]').click();
    await expect(liveWait.textContent()).resolves.toBe('Expected wait: cannot be estimated yet');

    const opened = await call(env.server, officeApi('/counters/booth-1/open'), { token: await env.server.login('operator1'), body: {} });
    expect(opened.status).toBe(200);
    // Nobody is ahead of the first ticket and booth 1 is open now.
    await phone.locator('kiosk-live-ticket [data-wait]', { hasText: translate('en', 'ticket.expectedWait', { count: 0 }) }).waitFor();

    const { page: secondKiosk } = await takeTicket(env, 'documents');
    const promised = translate('ru', 'ticket.expectedWait', { count: 15 });
    await expect(secondKiosk.locator('kiosk-issued-ticket [data-wait]').textContent()).resolves.toBe(promised);
    for (const page of [kiosk, phone, secondKiosk]) await page.close();
  });
});
