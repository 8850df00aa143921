// Which characters a printer cannot print at all. A ticket must never carry a '?' in place of a
// letter, so the layout refuses such text and the admin side refuses such a configuration up front.
import { byteInPage } from './escpos/code-pages';
import type { PrinterProfile } from './profiles';

export class UnprintableTextError extends Error {
  override readonly name = 'UnprintableTextError';

  constructor(
    readonly printerName: string,
    /** Each missing character once, in order of first appearance. */
    readonly characters: readonly string[],
  ) {
    super(`Printer "${printerName}" has no code page with ${characters.map(describeCharacter).join(', ')}`);
  }
}

function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return `«${char}» (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The characters of `texts` that none of the profile's code pages holds. */
export function unprintableCharacters(profile: PrinterProfile, texts: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text) {
      const printable = profile.model.codePages.some(({ page }) => byteInPage(char, page) !== undefined);
      if (!printable) missing.add(char);
    }
  }
  return [...missing];
}

export type ProfileSupport = { ok: true } | { ok: false; error: UnprintableTextError };

/**
 * Whether the printer can print every text an office would put on its tickets (names, address,
 * service names, translated labels, footer): call it when a printer or a text is configured.
 */
export function checkProfileSupports(profile: PrinterProfile, texts: readonly string[]): ProfileSupport {
  const missing = unprintableCharacters(profile, texts);
  return missing.length === 0 ? { ok: true } : { ok: false, error: new UnprintableTextError(profile.model.name, missing) };
}
