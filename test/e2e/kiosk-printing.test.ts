// Tap to paper: a visitor taps a service on the real kiosk page, the real print agent prints on a
// fake network printer, and the screen, the decoded paper and the server all tell the same ticket.
// When the printer is out of paper the ticket stays valid and the screen shows its QR code instead.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/protocol';
import { join } from 'node:path';
import { startPrintAgent, type PrintAgent } from '../../printer/agent';
import { printerProfile } from '../../printer/profiles';
import { launchBrowser } from '../support/browser';
import { codePageNumbers, decodeEscPos, lineTexts } from '../support/escpos-decode';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { call, liveTicketPath, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const pages = codePageNumbers(printerProfile('epson', '80mm'));
/** TALON_PUBLIC_URL: the kiosk page itself is opened at the loopback address. */
const PUBLIC_URL = 'http://talon.office.example:3000';

let browser: Browser;
let server: RunningTalon;
let printer: FakePrinter;
let agent: PrintAgent;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser.close());

beforeEach(async () => {
  server = await startTalon({ webApps: 'dist', publicUrl: PUBLIC_URL });
  printer = await startFakePrinter('online');
  agent = startAgent();
  await agent.connected();
});

function startAgent(): PrintAgent {
  return startPrintAgent({
    server: server.url,
    key: server.deviceKey('print-agent'),
    printer: printer.connection,
    model: 'epson',
    paper: '80mm',
    jobsFile: join(server.dataDir, 'printed-jobs.jsonl'),
    log: () => undefined,
  });
}

afterEach(async () => {
  await agent.stop();
  await printer.close();
  await server.close();
});

describe('kiosk printing', () => {
  it('prints the ticket the screen shows, and the server knows it printed', async () => {
    const page = await openKiosk(browser, server);
    await serviceButton(page, 'documents').click();
    const code = await shownTicketCode(page);
    const bytes = await printer.waitForPrinted((printed) => decodeEscPos(printed, pages).some((t) => t.cut));
    const [paper] = decodeEscPos(bytes, pages);
    const lines = lineTexts(paper!);
    expect(lines).toContain(code);
    expect(lines).toContain('Приём документов');
    await expect.poll(() => page.locator('kiosk-issued-ticket [data-print]').getAttribute('data-print')).toBe('printed');
    const [ticket] = (await openTickets(server)).filter((t: Ticket) => t.code === code);
    expect(ticket?.print).toBe('printed');
    expect(paper!.qrCodes[0]).toContain(liveTicketPath(ticket!.id));
    await page.close();
  });

  it('keeps the ticket valid and shows it with its QR code when the printer is out of paper', async () => {
    printer.setState('paper-out');
    const page = await openKiosk(browser, server);
    await serviceButton(page, 'certificates').click();
    const code = await shownTicketCode(page);
    await expect.poll(() => page.locator('kiosk-issued-ticket [data-print]').getAttribute('data-print'), { timeout: 15_000 }).toBe('failed');
    await page.locator('kiosk-issued-ticket [data-qr] svg').waitFor();
    const [ticket] = (await openTickets(server)).filter((t: Ticket) => t.code === code);
    expect(ticket).toMatchObject({ status: 'waiting', print: 'failed' });
    expect(decodeEscPos(printer.printed(), pages)).toHaveLength(0);
    // The Done button arms itself shortly after the ticket shows (a double tap must not dismiss it).
    await expect.poll(() => page.locator('kiosk-issued-ticket [data-done]').isEnabled()).toBe(true);
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/kiosk-portrait-print-failed.png') });
    await page.close();
  });

  it('gives up on a ticket its printer never took, links the QR code to the public URL, and never prints it later', async () => {
    await agent.stop();
    const page = await openKiosk(browser, server);
    await serviceButton(page, 'certificates').click();
    const code = await shownTicketCode(page);
    await expect.poll(() => page.locator('kiosk-issued-ticket [data-print]').getAttribute('data-print'), { timeout: 20_000 }).toBe('failed');
    const [ticket] = (await openTickets(server)).filter((t: Ticket) => t.code === code);
    expect(ticket).toMatchObject({ status: 'waiting', print: 'failed' });
    expect(await page.locator('kiosk-issued-ticket [data-qr]').getAttribute('data-qr')).toBe(`${PUBLIC_URL}${liveTicketPath(ticket!.id)}`);
    await page.close();

    // The agent comes back: the ticket the visitor was told had failed does not come out.
    agent = startAgent();
    const next = await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: server.deviceKey('kiosk') });
    const nextCode = next.body.ok ? next.body.data.ticket.code : '';
    const bytes = await printer.waitForPrinted((printed) => decodeEscPos(printed, pages).some((t) => t.cut));
    expect(decodeEscPos(bytes, pages).map((paper) => lineTexts(paper).includes(nextCode))).toEqual([true]);
    expect(decodeEscPos(bytes, pages).some((paper) => lineTexts(paper).includes(code))).toBe(false);
  });
});
