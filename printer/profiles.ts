// Printer model profiles: which command dialect a printer speaks, which Cyrillic code pages it has
// and under which numbers (clone firmwares renumber Epson's pages), and the paper it is loaded with.
import type { CodePage } from './escpos/code-pages';
import type { StatusProtocol } from './status';

/** `escpos`: Epson and its clones. `star-line`: Star Line Mode (ESC GS t, ESC i, ESC d …). */
export type CommandDialect = 'escpos' | 'star-line';

export interface CodePageSlot {
  page: CodePage;
  /** The n of the printer's code-page command (`ESC t n`, or `ESC GS t n` on Star). */
  number: number;
}

export interface PrinterModel {
  id: string;
  name: string;
  dialect: CommandDialect;
  /** In order of preference: the layout takes the first page that holds the whole ticket. */
  codePages: readonly CodePageSlot[];
  /** How it answers status requests over its data connection; null: it does not. */
  realtimeStatus: StatusProtocol | null;
}

export interface Paper {
  id: '58mm' | '80mm';
  /** Characters per line in font A (12 × 24 dots). */
  charsPerLine: number;
  /** Printable width in dots at 203 dpi. */
  widthDots: number;
}

export interface PrinterProfile {
  model: PrinterModel;
  paper: Paper;
}

export const PAPERS = {
  '58mm': { id: '58mm', charsPerLine: 32, widthDots: 384 },
  '80mm': { id: '80mm', charsPerLine: 48, widthDots: 576 },
} as const satisfies Record<Paper['id'], Paper>;

export const PRINTER_MODELS = {
  // PC866 first: every Epson with Cyrillic has it; Ukrainian text moves on to WPC1251 by itself.
  epson: {
    id: 'epson',
    name: 'Epson ESC/POS',
    dialect: 'escpos',
    codePages: [
      { page: 'cp866', number: 17 },
      { page: 'cp1251', number: 46 },
      { page: 'cp1125', number: 44 },
    ],
    realtimeStatus: 'dle-eot',
  },
  // The common Chinese clone firmware (Xprinter and relatives): renumbered pages, no PC1125.
  'escpos-clone': {
    id: 'escpos-clone',
    name: 'ESC/POS clone',
    dialect: 'escpos',
    codePages: [
      { page: 'cp866', number: 7 },
      { page: 'cp1251', number: 6 },
    ],
    realtimeStatus: 'dle-eot',
  },
  // Star Line Mode; status comes by Star's own protocol, ASB.
  star: {
    id: 'star',
    name: 'Star (Line Mode)',
    dialect: 'star-line',
    codePages: [
      { page: 'cp866', number: 10 },
      { page: 'cp1251', number: 34 },
    ],
    realtimeStatus: 'star-asb',
  },
} as const satisfies Record<string, PrinterModel>;

export type PrinterModelId = keyof typeof PRINTER_MODELS;

export function printerProfile(modelId: PrinterModelId, paperId: Paper['id']): PrinterProfile {
  return { model: PRINTER_MODELS[modelId], paper: PAPERS[paperId] };
}
