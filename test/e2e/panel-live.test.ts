// Several specialists at once, live: two booths pressing "Call next" together get two different
// visitors, each panel sees the other's work at once, and a panel survives a server restart.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { action, cancelOpenTickets, currentCode, issueAtKiosk, queueCodes, startWorkAt } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

let talon: RunningTalon;
let browser: Browser;

beforeAll(async () => {
  talon = await startTalon({ webApps: 'dist' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

describe('booth panels working together', () => {
  it('gives two booths pressing "Call next" at the same moment two different tickets, and each sees the other', async () => {
    await cancelOpenTickets(talon);
    const first = await startWorkAt(browser, talon, 'operator1', 'booth-1');
    const second = await startWorkAt(browser, talon, 'operator2', 'booth-2');
    const issued = [await issueAtKiosk(talon, 'documents'), await issueAtKiosk(talon, 'documents')];
    await expect.poll(() => queueCodes(second.page, 'documents')).toHaveLength(2);
    await Promise.all([first.page.keyboard.press('n'), second.page.keyboard.press('n')]);
    await expect.poll(() => currentCode(first.page).count()).toBe(1);
    await expect.poll(() => currentCode(second.page).count()).toBe(1);
    const called = [await currentCode(first.page).textContent(), await currentCode(second.page).textContent()];
    expect(new Set(called)).toEqual(new Set(issued.map((t) => t.code)));
    // Neither panel still lists a ticket the other booth took.
    await expect.poll(() => queueCodes(first.page, 'documents')).toEqual([]);
    await expect.poll(() => queueCodes(second.page, 'documents')).toEqual([]);
    await first.page.screenshot({ path: docsScreenshotPath('docs/screenshots/panel-called.png') });
    await Promise.all([first.page.keyboard.press('d'), second.page.keyboard.press('d')]);
    await first.context.close();
    await second.context.close();
  });

  it('reconnects after a server restart and shows what happened meanwhile', async () => {
    await cancelOpenTickets(talon);
    const panel = await startWorkAt(browser, talon, 'operator3', 'booth-3');
    const { page } = panel;
    // Cut the panel off first, so the ticket below surely arrives while it is away.
    await panel.context.setOffline(true);
    await page.locator('tl-connection-notice [role="status"]').waitFor();
    const missed = await issueAtKiosk(talon, 'documents');
    talon = await talon.restart();
    await panel.context.setOffline(false);
    await expect.poll(() => queueCodes(page, 'documents'), { timeout: 20_000 }).toEqual([missed.code]);
    await page.locator('tl-connection-notice [role="status"]').waitFor({ state: 'detached' });
    // The session outlived the restart: the booth is still this specialist's and works.
    await action(page, 'callNext').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(missed.code);
    const token = await talon.login('operator3');
    const counter = await call<{ counter: { ticketId: string } }>(talon, officeApi('/counters/booth-3/finish'), { body: {}, token });
    expect(counter.body.ok).toBe(true);
    await page.getByText('Nobody at the booth.').waitFor();
    await panel.context.close();
  });
});
