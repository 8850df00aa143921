import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TICKET_LOGO_FILE, TicketLogo, ticketLogoFile } from '../../server/printing/ticket-logo';

/** A binary PBM `height` rows tall, 8 dots wide. */
function pbm(height: number): Buffer {
  return Buffer.concat([Buffer.from(`P4\n8 ${height}\n`, 'ascii'), Buffer.alloc(height, 0xff)]);
}

function put(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

describe('the ticket logo of each office', () => {
  it('is read from the office’s own folder, and one office’s logo is not another’s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-logo-'));
    put(ticketLogoFile(dataDir, 'north'), pbm(3));
    expect((await new TicketLogo(dataDir, 'north').image())?.height).toBe(3);
    expect(await new TicketLogo(dataDir, 'south').image()).toBeNull();
  });

  it('of office main is still found where the single-office version kept it, until main has its own', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-logo-'));
    put(join(dataDir, TICKET_LOGO_FILE), pbm(5));
    const main = new TicketLogo(dataDir, 'main');
    expect((await main.image())?.height).toBe(5);
    // Only main inherits the old file: a new office starts without a logo.
    expect(await new TicketLogo(dataDir, 'north').image()).toBeNull();
    put(ticketLogoFile(dataDir, 'main'), pbm(7));
    expect((await main.image())?.height).toBe(7);
  });
});
