import type { Lang } from '../protocol/model';
import { letterName } from './letter-names';
import { spellNumber, type SpellOptions } from './spell-number';

// A ticket code is a prefix of letters (usually one, or none) and a number: 'Б123', '123', 'A-07'.
const TICKET_CODE = /^(\p{L}*)[\s-]?(\d+)$/u;

/** 'Б123' → «бэ сто двадцать три» (ru), «бе сто двадцять три» (uk), "bee one hundred twenty-three" (en). */
export function spellTicketCode(code: string, lang: Lang, opts: SpellOptions = {}): string {
  const match = TICKET_CODE.exec(code.trim());
  if (!match) throw new Error(`"${code}" is not a ticket code: expected letters followed by a number`);
  const [, prefix = '', digits = ''] = match;
  const letters = [...prefix].map((letter) => letterName(letter, lang));
  return [...letters, spellNumber(Number(digits), lang, opts)].join(' ');
}
