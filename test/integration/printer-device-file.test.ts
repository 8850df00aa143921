import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../printer/open-transport';
import { PrintQueue } from '../../printer/print-queue';
import { printerProfile } from '../../printer/profiles';
import { layoutTicket } from '../../printer/ticket-layout';
import { codePageNumbers, decodeEscPos, lineTexts } from '../support/escpos-decode';
import { RUSSIAN_TICKET, UKRAINIAN_TICKET } from '../support/escpos-tickets';

describe('printing to a device file', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'talon-printer-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('appends each ticket to the device and reports the status as unknown', async () => {
    const device = join(directory, 'lp0');
    const profile = printerProfile('epson', '58mm');
    const transport = openTransport(`file:${device}`, { timeoutMs: 5_000, realtimeStatus: 'dle-eot' });
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });

    expect(await transport.status()).toEqual({ online: true, paper: 'unknown' });
    expect(await queue.print({ jobId: 'a', bytes: layoutTicket(RUSSIAN_TICKET, profile) })).toEqual({ ok: true, paper: 'unknown' });
    expect(await queue.print({ jobId: 'b', bytes: layoutTicket(UKRAINIAN_TICKET, profile) })).toEqual({ ok: true, paper: 'unknown' });
    await transport.close();

    const tickets = decodeEscPos(new Uint8Array(await readFile(device)), codePageNumbers(profile));
    expect(tickets.map((ticket) => ticket.codePageSwitches)).toEqual([[17], [46]]);
    expect(lineTexts(tickets[1]!)).toContain(UKRAINIAN_TICKET.ticketCode);
  });

  it('reports offline when the device is not there', async () => {
    const transport = openTransport(`file:${join(directory, 'missing', 'lp0')}`, { timeoutMs: 5_000, realtimeStatus: 'dle-eot' });
    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    expect(await queue.print({ jobId: 'a', bytes: Uint8Array.of(0x0a) })).toMatchObject({ ok: false, reason: 'offline' });
  });
});
