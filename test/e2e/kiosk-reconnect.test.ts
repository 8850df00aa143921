import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTalon, type RunningTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

describe('kiosk across a server restart', () => {
  let server: RunningTalon;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTalon({ webApps: 'dist' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows that it is reconnecting, then issues the next number by itself', async () => {
    const page = await openKiosk(browser, server);
    await serviceButton(page, 'certificates').click();
    const firstCode = await shownTicketCode(page);
    await page.locator('kiosk-issued-ticket [data-done]').click();

    const { dataDir, port } = server;
    await server.close();
    const notice = page.locator('tl-connection-notice [role="status"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Нет связи с сервером');
    await expect(serviceButton(page, 'certificates').isDisabled()).resolves.toBe(true);

    server = await startTalon({ webApps: 'dist', dataDir, port });
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await serviceButton(page, 'certificates').click();
    const secondCode = await shownTicketCode(page);

    const tickets = await openTickets(server);
    const number = (code: string) => tickets.find((t) => t.code === code)!.number;
    expect(number(secondCode)).toBe(number(firstCode) + 1);
    await page.close();
  });
});
