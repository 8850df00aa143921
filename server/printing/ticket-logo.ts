// An office's logo for printed tickets: a monochrome PBM image (P4, the "raw" form every image
// editor can export) at <data dir>/offices/<office id>/ticket-logo.pbm. Its packed rows are exactly
// what ESC/POS raster printing takes. Read again only when the file changes.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OfficeId } from '../../common/protocol';
import type { MonoImage } from '../../printer/escpos/commands';
import { logger } from '../observability/logger';

export const TICKET_LOGO_FILE = 'ticket-logo.pbm';
/** The office a single-office installation became: its logo may still lie where that version kept it. */
const FIRST_OFFICE: OfficeId = 'main';

/** Where an office's logo lives; office main also reads the single-office place, <data dir>/ticket-logo.pbm. */
export function ticketLogoFile(dataDir: string, officeId: OfficeId): string {
  return join(dataDir, 'offices', officeId, TICKET_LOGO_FILE);
}

function logoFiles(dataDir: string, officeId: OfficeId): string[] {
  const own = ticketLogoFile(dataDir, officeId);
  return officeId === FIRST_OFFICE ? [own, join(dataDir, TICKET_LOGO_FILE)] : [own];
}

/** Parses a binary PBM (P4); throws on anything else. */
export function parsePbm(bytes: Buffer): MonoImage {
  // Header: "P4", width and height, separated by whitespace, comments from '#' to the line end.
  const header: string[] = [];
  let at = 0;
  while (header.length < 3) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    const start = at;
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    header.push(bytes.subarray(start, at).toString('ascii'));
  }
  const [magic, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P4' || !Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error('The ticket logo must be a binary PBM (P4) image');
  }
  const widthBytes = Math.ceil(width / 8);
  const data = bytes.subarray(at + 1, at + 1 + widthBytes * height);
  if (data.length !== widthBytes * height) throw new Error('The ticket logo file is cut short');
  return { widthBytes, height, data: Uint8Array.from(data) };
}

export class TicketLogo {
  private cached: { file: string; mtimeMs: number; image: MonoImage } | null = null;
  private readonly files: string[];

  constructor(dataDir: string, officeId: OfficeId) {
    this.files = logoFiles(dataDir, officeId);
  }

  /** The logo, or null when the office has none (or it cannot be read: the ticket prints without it). */
  async image(): Promise<MonoImage | null> {
    for (const file of this.files) {
      try {
        const { mtimeMs } = await stat(file);
        if (this.cached?.file !== file || this.cached.mtimeMs !== mtimeMs) this.cached = { file, mtimeMs, image: parsePbm(await readFile(file)) };
        return this.cached.image;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        logger.error({ err: error, file }, 'ticket logo unusable');
        return null;
      }
    }
    return null;
  }
}
