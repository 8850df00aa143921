// Reads captured ESC/POS bytes back into what the paper would show: text lines with their style,
// code-page switches, QR payloads, raster images and cuts. Tickets are split at each cut.
// It decodes text with its own tables (WHATWG decoders for cp866 and cp1251, cp1125 built on cp866),
// independent of printer/escpos/code-pages.ts, so an error in those tables shows up in the tests.
import type { CodePage } from '../../printer/escpos/code-pages';
import type { PrinterProfile } from '../../printer/profiles';

export interface DecodedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** GS ! magnification in force at the start of the line. */
  width: number;
  height: number;
}

export interface DecodedTicket {
  lines: DecodedLine[];
  /** The n of every ESC t, in order. */
  codePageSwitches: number[];
  qrCodes: string[];
  rasterImages: { widthDots: number; heightDots: number }[];
  /** Whether the ticket ended with GS V. */
  cut: boolean;
}

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

function upperHalf(decoder: string): string[] {
  return [...new TextDecoder(decoder).decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i))];
}

const CP866 = upperHalf('ibm866');
const UPPER_HALVES: Record<CodePage, string[]> = {
  cp866: CP866,
  cp1251: upperHalf('windows-1251'),
  // RST 2018-91: bytes 0xF2–0xF9 of cp866 (Єє Її Ўў °∙) hold Ґґ Єє Іі Її instead.
  cp1125: [...CP866.slice(0, 0x72), ...'ҐґЄєІіЇї', ...CP866.slice(0x7a)],
};

export function codePageNumbers(profile: PrinterProfile): Map<number, CodePage> {
  return new Map(profile.model.codePages.map(({ number, page }) => [number, page]));
}

const ALIGN = ['left', 'center', 'right'] as const;

class Decoder {
  private offset = 0;
  private page: CodePage | undefined;
  private align: DecodedLine['align'] = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private line: { text: string; style: Omit<DecodedLine, 'text'> } | null = null;
  private storedQr = '';
  private ticket = Decoder.emptyTicket();
  readonly tickets: DecodedTicket[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly pages: ReadonlyMap<number, CodePage>,
  ) {}

  private static emptyTicket(): DecodedTicket {
    return { lines: [], codePageSwitches: [], qrCodes: [], rasterImages: [], cut: false };
  }

  run(): DecodedTicket[] {
    while (this.offset < this.bytes.length) this.step();
    this.endLine(false);
    if (this.ticket.lines.length > 0 || this.ticket.qrCodes.length > 0) this.tickets.push(this.ticket);
    return this.tickets;
  }

  private take(count = 1): number[] {
    if (this.offset + count > this.bytes.length) throw new Error(`Command cut short at byte ${this.offset}`);
    const taken = [...this.bytes.subarray(this.offset, this.offset + count)];
    this.offset += count;
    return taken;
  }

  private takeOne(): number {
    return this.take(1)[0] as number;
  }

  private step(): void {
    const at = this.offset;
    const byte = this.takeOne();
    if (byte === LF) return this.endLine(true);
    if (byte === ESC) return this.escape(at);
    if (byte === GS) return this.groupSeparator(at);
    if (byte < 0x20) throw new Error(`Unexpected control byte 0x${byte.toString(16)} at ${at}`);
    this.character(byte, at);
  }

  private character(byte: number, at: number): void {
    let char = String.fromCharCode(byte);
    if (byte >= 0x80) {
      if (this.page === undefined) throw new Error(`Byte 0x${byte.toString(16)} at ${at} before any ESC t`);
      char = UPPER_HALVES[this.page][byte - 0x80] ?? '\uFFFD';
    }
    this.line ??= { text: '', style: this.style() };
    this.line.text += char;
  }

  private style(): Omit<DecodedLine, 'text'> {
    return { align: this.align, bold: this.bold, width: this.width, height: this.height };
  }

  private endLine(feed: boolean): void {
    if (this.line === null && !feed) return;
    const line = this.line ?? { text: '', style: this.style() };
    this.ticket.lines.push({ text: line.text, ...line.style });
    this.line = null;
  }

  private escape(at: number): void {
    const command = this.takeOne();
    switch (command) {
      case 0x40: // ESC @
        this.align = 'left';
        this.bold = false;
        this.width = 1;
        this.height = 1;
        return;
      case 0x74: {
        // ESC t n
        const number = this.takeOne();
        const page = this.pages.get(number);
        if (page === undefined) throw new Error(`ESC t ${number} at ${at}: not a page of this printer`);
        this.page = page;
        this.ticket.codePageSwitches.push(number);
        return;
      }
      case 0x61: // ESC a n
        this.align = ALIGN[this.takeOne() % 48] ?? 'left';
        return;
      case 0x45: // ESC E n
        this.bold = (this.takeOne() & 1) === 1;
        return;
      case 0x64: // ESC d n: feed n lines
        this.endLine(false);
        this.take();
        return;
      default:
        throw new Error(`Unknown command ESC 0x${command.toString(16)} at ${at}`);
    }
  }

  private groupSeparator(at: number): void {
    const command = this.takeOne();
    switch (command) {
      case 0x21: {
        // GS ! n
        const size = this.takeOne();
        this.width = (size >> 4) + 1;
        this.height = (size & 0x0f) + 1;
        return;
      }
      case 0x28: // GS ( k
        return this.twoDimensionalCode(at);
      case 0x56: {
        // GS V m [n]
        const mode = this.takeOne();
        if (mode >= 65) this.take();
        this.endLine(false);
        this.ticket.cut = true;
        this.tickets.push(this.ticket);
        this.ticket = Decoder.emptyTicket();
        return;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d…
        const [, , xL, xH, yL, yH] = this.take(6) as [number, number, number, number, number, number];
        const widthBytes = xL + xH * 256;
        const heightDots = yL + yH * 256;
        this.take(widthBytes * heightDots);
        this.ticket.rasterImages.push({ widthDots: widthBytes * 8, heightDots });
        return;
      }
      default:
        throw new Error(`Unknown command GS 0x${command.toString(16)} at ${at}`);
    }
  }

  private twoDimensionalCode(at: number): void {
    const [k, pL, pH] = this.take(3) as [number, number, number];
    if (k !== 0x6b) throw new Error(`GS ( 0x${k.toString(16)} at ${at} is not GS ( k`);
    const [symbol, fn, ...parameters] = this.take(pL + pH * 256);
    if (symbol !== 49) throw new Error(`GS ( k for symbol ${symbol} at ${at}: only QR (49) expected`);
    if (fn === 80) this.storedQr = new TextDecoder().decode(Uint8Array.from(parameters.slice(1)));
    if (fn === 81) this.ticket.qrCodes.push(this.storedQr);
  }
}

/** Decodes ESC/POS bytes for a printer whose `ESC t` numbers map to pages as in `pages`. */
export function decodeEscPos(bytes: Uint8Array, pages: ReadonlyMap<number, CodePage>): DecodedTicket[] {
  return new Decoder(bytes, pages).run();
}

/** The texts of a ticket's lines, for assertions that care about words rather than styles. */
export function lineTexts(ticket: DecodedTicket): string[] {
  return ticket.lines.map((line) => line.text);
}
