// Turns text into code-page bytes for one printer, switching pages only where the text needs it.
import type { CodePageSlot, PrinterProfile } from '../profiles';
import { UnprintableTextError, unprintableCharacters } from '../printable-text';
import { byteInPage } from './code-pages';

export type TextChunk = { switchTo: CodePageSlot } | { bytes: number[] };

function holdsAll(slot: CodePageSlot, text: string): boolean {
  return [...text].every((char) => byteInPage(char, slot.page) !== undefined);
}

/**
 * The page a whole document starts in: the first one (in the profile's order) that holds all of it,
 * so an ordinary ticket carries exactly one page switch.
 */
export function startingPage(profile: PrinterProfile, texts: readonly string[]): CodePageSlot {
  const slots = profile.model.codePages;
  const first = slots[0];
  if (first === undefined) throw new Error(`Printer profile "${profile.model.name}" lists no code pages`);
  return slots.find((slot) => texts.every((text) => holdsAll(slot, text))) ?? first;
}

/**
 * Encodes `text` starting in `current`. A character the current page lacks switches to the first
 * page that has it (mixed texts no single page holds still print). Throws UnprintableTextError
 * when no page has a character, instead of printing '?'.
 */
export function encodeText(profile: PrinterProfile, text: string, current: CodePageSlot): { chunks: TextChunk[]; page: CodePageSlot } {
  const missing = unprintableCharacters(profile, [text]);
  if (missing.length > 0) throw new UnprintableTextError(profile.model.name, missing);

  const chunks: TextChunk[] = [];
  let page = current;
  let run: number[] = [];
  for (const char of text) {
    const byte = byteInPage(char, page.page);
    if (byte !== undefined) {
      run.push(byte);
      continue;
    }
    const found = firstPageWith(profile, char);
    if (run.length > 0) chunks.push({ bytes: run });
    chunks.push({ switchTo: found.slot });
    page = found.slot;
    run = [found.byte];
  }
  if (run.length > 0) chunks.push({ bytes: run });
  return { chunks, page };
}

function firstPageWith(profile: PrinterProfile, char: string): { slot: CodePageSlot; byte: number } {
  for (const slot of profile.model.codePages) {
    const byte = byteInPage(char, slot.page);
    if (byte !== undefined) return { slot, byte };
  }
  throw new UnprintableTextError(profile.model.name, [char]);
}
