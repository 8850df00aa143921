import type { Lang, LocalizedText } from '../protocol/model';
import { spellNumber } from './spell-number';
import { spellTicketCode } from './spell-ticket-code';
import { CATALOGUES, interpolate } from './translate';

// Spoken aloud, "one hundred and five" is what English speakers say, so announcements use it.
const SPOKEN = { englishAnd: true } as const;

/**
 * The sentence to speak when a ticket is called: «Талон номер бэ сто двадцать три, пройдите к окну
 * номер пять». An office may replace the catalogue's `speech.call` template per language; a template
 * uses `{ticket}` and `{counter}`.
 */
export function announcementText(lang: Lang, code: string, counterNumber: number, templates?: LocalizedText): string {
  const template = templates?.[lang] ?? CATALOGUES[lang].speech.call;
  return interpolate(template, {
    ticket: spellTicketCode(code, lang, SPOKEN),
    counter: spellNumber(counterNumber, lang, SPOKEN),
  });
}
