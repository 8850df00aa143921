// The admin's test page: the printer's profile and, for each of its code pages, Russian and
// Ukrainian sample text printed in that page alone, so a wrong page number or a missing letter
// shows at a glance. Its own words are ASCII on purpose: ASCII prints on every page, and this page
// is what tells whether the Cyrillic ones work. (A technician's page, not a visitor's: the
// pangrams are test data, not catalogue texts.)
import { byteInPage } from './escpos/code-pages';
import { commandSetFor } from './escpos/dialects';
import type { CodePageSlot, PrinterProfile } from './profiles';
import { wrapText } from './wrap-text';

export const TEST_PAGE_SAMPLES = [
  { language: 'ru', text: 'Съешь же ещё этих мягких французских булок, да выпей чаю' },
  { language: 'uk', text: 'Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!' },
] as const;

/** Stands for a letter the page does not have; the line after the sample names the letters. */
const MISSING_MARK = '_';

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function sampleLines(slot: CodePageSlot, width: number): { lines: number[][]; missing: string[] } {
  const missing = new Set<string>();
  const lines = TEST_PAGE_SAMPLES.flatMap(({ language, text }) =>
    wrapText(`${language}: ${text}`, width).map((line) =>
      [...line].map((char) => {
        const byte = byteInPage(char, slot.page);
        if (byte === undefined) missing.add(char);
        return byte ?? MISSING_MARK.charCodeAt(0);
      }),
    ),
  );
  return { lines, missing: [...missing] };
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

export function layoutTestPage(profile: PrinterProfile): Uint8Array {
  const commands = commandSetFor(profile.model.dialect);
  const { model, paper } = profile;
  const out: number[] = [...commands.initialize(), ...commands.align('left')];
  const line = (bytes: number[]) => out.push(...bytes, ...commands.lineFeed());

  out.push(...commands.bold(true));
  line(ascii('Talon printer test page'));
  out.push(...commands.bold(false));
  for (const text of wrapText(`${model.name} (${model.id}), paper ${paper.id}, ${paper.charsPerLine} characters per line`, paper.charsPerLine)) {
    line(ascii(text));
  }
  for (const slot of model.codePages) {
    out.push(...commands.lineFeed(), ...commands.bold(true));
    line(ascii(`Code page ${slot.number}: ${slot.page}`));
    out.push(...commands.bold(false), ...commands.selectCodePage(slot.number));
    const { lines, missing } = sampleLines(slot, paper.charsPerLine);
    lines.forEach(line);
    line(ascii(missing.length === 0 ? 'All letters present' : `Missing (${MISSING_MARK}): ${missing.map(codePoint).join(' ')}`));
  }
  out.push(...commands.feedLines(2), ...commands.feedAndCut());
  return Uint8Array.from(out);
}
