import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/browser-and-server';
import { startTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

describe('kiosk across a server restart', () => {
  const env = useBrowserAndServer();

  it('shows that it is reconnecting, then issues the next number by itself', async () => {
    const page = await openKiosk(env.browser, env.server);
    await serviceButton(page, 'certificates').click();
    const firstCode = await shownTicketCode(page);
    await page.locator('kiosk-issued-ticket [data-done]').click();

    const { dataDir, port } = env.server;
    await env.server.close();
    const notice = page.locator('tl-connection-notice [role="status"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Нет связи с сервером');
    await expect(serviceButton(page, 'certificates').isDisabled()).resolves.toBe(true);

    env.server = await startTalon({ webApps: 'dist', dataDir, port });
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await serviceButton(page, 'certificates').click();
    const secondCode = await shownTicketCode(page);

    const tickets = await openTickets(env.server);
    const number = (code: string) => tickets.find((t) => t.code === code)!.number;
    expect(number(secondCode)).toBe(number(firstCode) + 1);
    await page.close();
  });
});
