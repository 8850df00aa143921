// The honest wait on every face of a ticket: with every booth closed the kiosk screen, the printed
// paper and the live page on the visitor's phone all say the wait cannot be estimated yet; once a
// booth opens they give a number.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import type { Ticket } from '../../common/protocol';
import { startPrintAgent, type PrintAgent } from '../../printer/agent';
import { printerProfile } from '../../printer/profiles';
import { launchBrowser } from '../support/browser';
import { codePageNumbers, decodeEscPos, lineTexts } from '../support/escpos-decode';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { call, startTalon, type RunningTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

const pages = codePageNumbers(printerProfile('epson', '80mm'));
const PHONE = { width: 390, height: 844 };
const UNKNOWN_RU = translate('ru', 'ticket.expectedWaitUnknown');

let browser: Browser;
let server: RunningTalon;
let printer: FakePrinter;
let agent: PrintAgent;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser.close());

beforeEach(async () => {
  server = await startTalon({ webApps: 'dist' });
  printer = await startFakePrinter('online');
  agent = startPrintAgent({ server: server.url, key: server.deviceKey('print-agent'), printer: printer.connection, model: 'epson', paper: '80mm', log: () => undefined });
  await agent.connected();
});

afterEach(async () => {
  await agent.stop();
  await printer.close();
  await server.close();
});

async function takeTicket(serviceId: string): Promise<{ page: Page; ticket: Ticket }> {
  const page = await openKiosk(browser, server);
  await serviceButton(page, serviceId).click();
  const code = await shownTicketCode(page);
  const ticket = (await openTickets(server)).find((t) => t.code === code)!;
  return { page, ticket };
}

async function printedLines(count: number): Promise<string[][]> {
  const bytes = await printer.waitForPrinted((printed) => decodeEscPos(printed, pages).filter((t) => t.cut).length >= count);
  return decodeEscPos(bytes, pages).map(lineTexts);
}

describe('an honest wait on kiosk, paper and phone', () => {
  it('says the wait cannot be estimated while every booth is closed, then gives a number once a booth opens', async () => {
    const { page: kiosk, ticket } = await takeTicket('documents');
    expect(ticket.estimate?.waitMinutes).toBeNull();
    await expect(kiosk.locator('kiosk-issued-ticket [data-wait]').textContent()).resolves.toBe(UNKNOWN_RU);
    const [paper] = await printedLines(1);
    expect(paper).toContain(UNKNOWN_RU);
    expect(paper!.join('\n')).not.toMatch(/меньше минуты|около \d+ мин/);

    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(`${server.url}/t/${ticket.id}`);
    const liveWait = phone.locator('kiosk-live-ticket [data-wait]');
    await expect(liveWait.textContent()).resolves.toBe(UNKNOWN_RU);
    await phone.locator('tl-language-switch button[lang="uk"]').click();
    await expect(liveWait.textContent()).resolves.toBe(translate('uk', 'ticket.expectedWaitUnknown'));
    await phone.locator('tl-language-switch button[lang="en"]').click();
    await expect(liveWait.textContent()).resolves.toBe('Expected wait: cannot be estimated yet');

    const opened = await call(server, '/api/counters/booth-1/open', { token: await server.login('operator1'), body: {} });
    expect(opened.status).toBe(200);
    // Nobody is ahead of the first ticket and booth 1 is open now.
    await phone.locator('kiosk-live-ticket [data-wait]', { hasText: translate('en', 'ticket.expectedWait', { count: 0 }) }).waitFor();

    const { page: secondKiosk } = await takeTicket('documents');
    const promised = translate('ru', 'ticket.expectedWait', { count: 15 });
    await expect(secondKiosk.locator('kiosk-issued-ticket [data-wait]').textContent()).resolves.toBe(promised);
    const [, secondPaper] = await printedLines(2);
    expect(secondPaper).toContain(promised);
    for (const page of [kiosk, phone, secondKiosk]) await page.close();
  });
});
