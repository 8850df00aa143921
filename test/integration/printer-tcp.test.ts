import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../printer/open-transport';
import { PrintQueue } from '../../printer/print-queue';
import { printerProfile } from '../../printer/profiles';
import { layoutTicket } from '../../printer/ticket-layout';
import type { PrinterTransport } from '../../printer/transports/transport';
import { codePageNumbers, decodeEscPos, lineTexts, type DecodedTicket } from '../support/escpos-decode';
import { RUSSIAN_TICKET, UKRAINIAN_TICKET } from '../support/escpos-tickets';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';

const profile = printerProfile('epson', '80mm');
const pages = codePageNumbers(profile);

/** Resolves when the fake printer has received `count` complete (cut) tickets. */
async function ticketsPrinted(printer: FakePrinter, count: number): Promise<DecodedTicket[]> {
  const bytes = await printer.waitForPrinted((printed) => decodeEscPos(printed, pages).filter((t) => t.cut).length >= count);
  return decodeEscPos(bytes, pages);
}

describe('printing to a network printer', () => {
  let printer: FakePrinter;
  let transport: PrinterTransport;

  beforeEach(async () => {
    printer = await startFakePrinter('online');
    transport = openTransport(printer.connection, { timeoutMs: 5_000, realtimeStatus: 'dle-eot' });
  });

  afterEach(async () => {
    await transport.close();
    await printer.close();
  });

  it('prints a Ukrainian ticket that reads back letter for letter', async () => {
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    const bytes = layoutTicket(UKRAINIAN_TICKET, profile);
    expect(await queue.print({ jobId: 'job-1', bytes })).toEqual({ ok: true, paper: 'ok' });

    const [ticket] = await ticketsPrinted(printer, 1);
    expect(printer.printed()).toEqual(bytes);
    expect(lineTexts(ticket as DecodedTicket)).toContain('Реєстрація місця проживання');
    expect(ticket?.qrCodes).toEqual([UKRAINIAN_TICKET.liveUrl]);
    expect(printer.statusRequests).toEqual([1, 2, 4]);
  });

  it('reads paper near-end, paper out and offline from the printer', async () => {
    printer.setState('paper-near-end');
    expect(await transport.status()).toEqual({ online: true, paper: 'near-end', coverOpen: false });
    printer.setState('paper-out');
    expect(await transport.status()).toMatchObject({ online: false, paper: 'out' });
    printer.setState('offline');
    expect(await transport.status()).toEqual({ online: false, paper: 'ok', coverOpen: true });
  });

  it('refuses to print on a printer out of paper and sends it nothing but status requests', async () => {
    printer.setState('paper-out');
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    const result = await queue.print({ jobId: 'job-1', bytes: layoutTicket(RUSSIAN_TICKET, profile) });
    expect(result).toMatchObject({ ok: false, reason: 'paper-out' });
    expect(printer.statusRequests.length).toBeGreaterThan(0);
    expect(printer.printed()).toHaveLength(0);
  });

  it('prints two kiosks\u2019 concurrent tickets one after the other, never mixed', async () => {
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    const results = await Promise.all([
      queue.print({ jobId: 'kiosk-1', bytes: layoutTicket(RUSSIAN_TICKET, profile) }),
      queue.print({ jobId: 'kiosk-2', bytes: layoutTicket(UKRAINIAN_TICKET, profile) }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);

    const tickets = await ticketsPrinted(printer, 2);
    expect(tickets).toHaveLength(2);
    expect(lineTexts(tickets[0] as DecodedTicket)).toContain(RUSSIAN_TICKET.ticketCode);
    expect(lineTexts(tickets[1] as DecodedTicket)).toContain(UKRAINIAN_TICKET.ticketCode);
    expect(printer.printed()).toEqual(Uint8Array.from([...layoutTicket(RUSSIAN_TICKET, profile), ...layoutTicket(UKRAINIAN_TICKET, profile)]));
  });

  it('reports offline when the printer does not answer a status request', async () => {
    printer.replies = null;
    const silent = openTransport(printer.connection, { timeoutMs: 100, realtimeStatus: 'dle-eot' });
    const queue = new PrintQueue({ transport: silent, timeoutMs: 5_000 });
    expect(await queue.print({ jobId: 'job-1', bytes: layoutTicket(RUSSIAN_TICKET, profile) })).toMatchObject({ ok: false, reason: 'offline' });
    expect(printer.printed()).toHaveLength(0);
    await silent.close();
  });

  it('reports offline when nothing listens at the address', async () => {
    const gone = await startFakePrinter();
    const address = gone.connection;
    await gone.close();
    const unreachable = openTransport(address, { timeoutMs: 2_000, realtimeStatus: 'dle-eot' });
    const queue = new PrintQueue({ transport: unreachable, timeoutMs: 5_000 });
    expect(await queue.print({ jobId: 'job-1', bytes: Uint8Array.of(0x0a) })).toMatchObject({ ok: false, reason: 'offline' });
  });
});

describe('printing to a Star network printer', () => {
  const star = printerProfile('star', '80mm');
  let printer: FakePrinter;
  let transport: PrinterTransport;

  beforeEach(async () => {
    printer = await startFakePrinter('online', 'star');
    transport = openTransport(printer.connection, { timeoutMs: 5_000, realtimeStatus: star.model.realtimeStatus });
  });

  afterEach(async () => {
    await transport.close();
    await printer.close();
  });

  it('reads paper near-end, paper out and the cover open from the printer\u2019s ASB status', async () => {
    printer.setState('paper-near-end');
    expect(await transport.status()).toEqual({ online: true, paper: 'near-end', coverOpen: false });
    printer.setState('paper-out');
    expect(await transport.status()).toEqual({ online: false, paper: 'out', coverOpen: false });
    printer.setState('offline');
    expect(await transport.status()).toEqual({ online: false, paper: 'ok', coverOpen: true });
    expect(printer.statusRequests).toContain('asb-request');
  });

  it('fails a job on a Star out of paper and sends it nothing but status requests', async () => {
    printer.setState('paper-out');
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    expect(await queue.print({ jobId: 'job-1', bytes: layoutTicket(RUSSIAN_TICKET, star) })).toMatchObject({ ok: false, reason: 'paper-out' });
    expect(printer.printed()).toHaveLength(0);
  });

  it('fails a job on a Star with its cover open', async () => {
    printer.setState('offline');
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    expect(await queue.print({ jobId: 'job-1', bytes: layoutTicket(RUSSIAN_TICKET, star) })).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('prints on a Star with paper, its bytes exactly, and reports the paper', async () => {
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    const bytes = layoutTicket(UKRAINIAN_TICKET, star);
    expect(await queue.print({ jobId: 'job-1', bytes })).toEqual({ ok: true, paper: 'ok' });
    expect(await printer.waitForPrinted((printed) => printed.length >= bytes.length)).toEqual(bytes);
  });

  it('reports offline when a Star does not answer its status request', async () => {
    printer.starReply = null;
    const silent = openTransport(printer.connection, { timeoutMs: 100, realtimeStatus: 'star-asb' });
    const queue = new PrintQueue({ transport: silent, timeoutMs: 5_000 });
    expect(await queue.print({ jobId: 'job-1', bytes: layoutTicket(RUSSIAN_TICKET, star) })).toMatchObject({ ok: false, reason: 'offline' });
    expect(printer.printed()).toHaveLength(0);
    await silent.close();
  });
});
