// The printed ticket: a pure function from ticket data and printer profile to the printer's bytes.
//
// We encode the commands ourselves rather than through node-thermal-printer's getBuffer(): its
// encoder switches code page on its own with Epson's numbers (wrong on clones, which number the
// pages differently) and prints '?' when no page has a letter. Our own tables (escpos/code-pages.ts)
// let the profile decide the page numbers and let us refuse unprintable text instead.
import type { Lang } from '../common/protocol/model';
import type { CommandSet, MonoImage } from './escpos/commands';
import { commandSetFor } from './escpos/dialects';
import { encodeText, startingPage } from './escpos/text-encoder';
import { unprintableCharacters, UnprintableTextError } from './printable-text';
import type { CodePageSlot, PrinterProfile } from './profiles';
import { wrapText } from './wrap-text';

export { checkProfileSupports, UnprintableTextError } from './printable-text';

/** Words printed on the ticket, already translated into the ticket's language. */
export interface TicketLabels {
  /** Above the big number, e.g. «Номер вашего талона». */
  ticketNumber: string;
  issuedAt: string;
  peopleAhead: string;
  expectedWait: string;
  phones: string;
  /** Under the QR code, e.g. «Следите за очередью на телефоне». */
  liveStatus: string;
}

export interface TicketPrintData {
  officeName: string;
  officeAddress: string;
  phones: readonly string[];
  /** Prefix and number, e.g. 'А123'. */
  ticketCode: string;
  serviceName: string;
  /** Date and time of issue, formatted in the office's time zone and language. */
  issuedAt: string;
  /** Left out when the office does not print it (as are the wait, the QR code and an empty address). */
  peopleAhead?: number;
  /** Formatted with its unit, e.g. '15 мин'. */
  expectedWait?: string;
  /** The ticket's live page, encoded in the QR code. */
  liveUrl?: string;
  /** The last lines: the office's own text, a duplicate's mark. */
  footer?: readonly string[];
  /** The office's logo at the top; left out on printers without raster images or narrower paper. */
  logo?: MonoImage;
  /** The ticket's language. The layout picks code pages from the letters themselves, not from this. */
  language: Lang;
  labels: TicketLabels;
}

/** 4× type is about 12 mm tall: readable at arm's length without wasting paper. */
const TICKET_CODE_MAX_MAGNIFICATION = 4;
/** Star Line Mode takes QR cells of 1–8 dots; 8 dots keeps a 60-character URL within 58 mm paper. */
const QR_MAX_MODULE_DOTS = 8;
const FEED_BEFORE_CUT_LINES = 2;

/** One ticket's bytes as they are written, remembering the code page the printer is in. */
class TicketBytes {
  readonly bytes: number[] = [];
  private page: CodePageSlot;

  constructor(
    private readonly profile: PrinterProfile,
    readonly commands: CommandSet,
    texts: readonly string[],
  ) {
    this.page = startingPage(profile, texts);
    this.add(commands.initialize(), commands.selectCodePage(this.page.number));
  }

  add(...commandBytes: number[][]): void {
    for (const part of commandBytes) this.bytes.push(...part);
  }

  line(text: string): void {
    const { chunks, page } = encodeText(this.profile, text, this.page);
    for (const chunk of chunks) {
      this.add('switchTo' in chunk ? this.commands.selectCodePage(chunk.switchTo.number) : chunk.bytes);
    }
    this.page = page;
    this.add(this.commands.lineFeed());
  }

  wrapped(text: string): void {
    for (const line of wrapText(text, this.profile.paper.charsPerLine)) this.line(line);
  }
}

type TextStyle = 'plain' | 'bold' | 'heading' | 'ticket-code';

/** The ticket top to bottom; both the printable-text check and the bytes come from this one list. */
type TicketBlock = { kind: 'text'; text: string; style: TextStyle } | { kind: 'gap' } | { kind: 'qr'; payload: string } | { kind: 'image'; image: MonoImage };

const GAP: TicketBlock = { kind: 'gap' };

function text(value: string, style: TextStyle = 'plain'): TicketBlock {
  return { kind: 'text', text: value, style };
}

function ticketBlocks(ticket: TicketPrintData): TicketBlock[] {
  const { labels } = ticket;
  return [
    ...(ticket.logo ? [{ kind: 'image', image: ticket.logo } as const] : []),
    text(ticket.officeName, 'bold'),
    ...(ticket.officeAddress ? [text(ticket.officeAddress)] : []),
    GAP,
    text(labels.ticketNumber),
    text(ticket.ticketCode, 'ticket-code'),
    text(ticket.serviceName, 'heading'),
    GAP,
    text(`${labels.issuedAt}: ${ticket.issuedAt}`),
    ...(ticket.peopleAhead !== undefined ? [text(`${labels.peopleAhead}: ${ticket.peopleAhead}`)] : []),
    ...(ticket.expectedWait !== undefined ? [text(`${labels.expectedWait}: ${ticket.expectedWait}`)] : []),
    ...(ticket.phones.length > 0 ? [text(`${labels.phones}: ${ticket.phones.join(', ')}`)] : []),
    ...(ticket.liveUrl ? [GAP, { kind: 'qr', payload: ticket.liveUrl } as const, text(labels.liveStatus)] : []),
    ...(ticket.footer && ticket.footer.length > 0 ? [GAP, ...ticket.footer.map((line) => text(line))] : []),
  ];
}

function ticketCodeMagnification(profile: PrinterProfile, code: string): number {
  const fits = Math.floor(profile.paper.charsPerLine / Math.max(1, [...code].length));
  return Math.max(1, Math.min(TICKET_CODE_MAX_MAGNIFICATION, fits));
}

/** Cells of 1/64 of the paper width keep a typical live-page URL (QR version 4–6) well inside it. */
function qrModuleDots(profile: PrinterProfile): number {
  return Math.min(QR_MAX_MODULE_DOTS, Math.floor(profile.paper.widthDots / 64));
}

function writeText(out: TicketBytes, profile: PrinterProfile, block: { text: string; style: TextStyle }): void {
  const { commands } = out;
  switch (block.style) {
    case 'plain':
      out.wrapped(block.text);
      return;
    case 'bold':
      out.add(commands.bold(true));
      out.wrapped(block.text);
      out.add(commands.bold(false));
      return;
    case 'heading':
      out.add(commands.bold(true), commands.magnify(1, 2));
      out.wrapped(block.text);
      out.add(commands.magnify(1, 1), commands.bold(false));
      return;
    case 'ticket-code': {
      const magnification = ticketCodeMagnification(profile, block.text);
      out.add(commands.bold(true), commands.magnify(magnification, magnification));
      out.line(block.text);
      out.add(commands.magnify(1, 1), commands.bold(false));
      return;
    }
  }
}

/**
 * The bytes of one ticket in the profile's dialect. Throws UnprintableTextError, naming every
 * missing character, when the printer has no code page for some letter: never a '?' on paper.
 */
export function layoutTicket(ticket: TicketPrintData, profile: PrinterProfile): Uint8Array {
  const blocks = ticketBlocks(ticket);
  const texts = blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
  const missing = unprintableCharacters(profile, texts);
  if (missing.length > 0) throw new UnprintableTextError(profile.model.name, missing);

  const out = new TicketBytes(profile, commandSetFor(profile.model.dialect), texts);
  const { commands } = out;
  out.add(commands.align('center'));
  for (const block of blocks) {
    if (block.kind === 'text') writeText(out, profile, block);
    else if (block.kind === 'gap') out.add(commands.lineFeed());
    else if (block.kind === 'image') {
      if (commands.rasterImage && block.image.widthBytes * 8 <= profile.paper.widthDots) out.add(commands.rasterImage(block.image), commands.lineFeed());
    }
    else out.add(commands.qrCode(new TextEncoder().encode(block.payload), qrModuleDots(profile)));
  }
  out.add(commands.feedLines(FEED_BEFORE_CUT_LINES), commands.feedAndCut());
  return Uint8Array.from(out.bytes);
}
