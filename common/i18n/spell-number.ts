import type { Lang } from '../protocol/model';
import { NUMBER_WORDS } from './number-words';

export const MAX_SPELLED_NUMBER = 9999;

export interface SpellOptions {
  /** English only: "one hundred and five" (British, and how most people say it aloud) instead of "one hundred five". */
  englishAnd?: boolean;
}

/** Every value that is spoken as one chunk: 0–19, the tens, the hundreds and the thousands. */
export const NUMBER_CHUNK_VALUES: readonly number[] = [
  ...Array.from({ length: 20 }, (_, i) => i),
  ...Array.from({ length: 8 }, (_, i) => (i + 2) * 10),
  ...Array.from({ length: 9 }, (_, i) => (i + 1) * 100),
  ...Array.from({ length: 9 }, (_, i) => (i + 1) * 1000),
];

function assertSpellable(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPELLED_NUMBER) {
    throw new RangeError(`Only whole numbers from 0 to ${MAX_SPELLED_NUMBER} can be spelled, got ${n}`);
  }
}

/** 2345 → [2000, 300, 40, 5]; 1213 → [1000, 200, 13]; 0 → [0]. The same in every language. */
export function numberChunks(n: number): number[] {
  assertSpellable(n);
  const thousands = Math.floor(n / 1000) * 1000;
  const hundreds = Math.floor((n % 1000) / 100) * 100;
  const belowHundred = n % 100;
  const units = belowHundred % 10;
  const tens = belowHundred - units;
  const chunks = [thousands, hundreds];
  if (belowHundred >= 10 && belowHundred < 20) chunks.push(belowHundred);
  else chunks.push(tens, units);
  const spoken = chunks.filter((chunk) => chunk > 0);
  return spoken.length > 0 ? spoken : [0];
}

function pick(list: readonly string[], index: number, value: number): string {
  const word = list[index];
  if (!word) throw new RangeError(`${value} is not a number chunk (see NUMBER_CHUNK_VALUES)`);
  return word;
}

/** The words of one chunk: 2000 → «две тысячи», 40 → "forty". */
export function spellChunk(value: number, lang: Lang): string {
  const words = NUMBER_WORDS[lang];
  if (value < 10) return pick(words.units, value, value);
  if (value < 20) return pick(words.teens, value - 10, value);
  if (value < 100) return pick(words.tens, value / 10, value);
  if (value < 1000) return pick(words.hundreds, value / 100, value);
  return pick(words.thousands, value / 1000, value);
}

/** 123 → «сто двадцать три» / «сто двадцять три» / "one hundred twenty-three" (nominative, 0–9999). */
export function spellNumber(n: number, lang: Lang, opts: SpellOptions = {}): string {
  const chunks = numberChunks(n);
  const large = chunks.filter((chunk) => chunk >= 100).map((chunk) => spellChunk(chunk, lang));
  const small = chunks.filter((chunk) => chunk < 100).map((chunk) => spellChunk(chunk, lang));
  if (small.length === 0) return large.join(' ');
  // English writes "twenty-three" as one hyphenated word; Russian and Ukrainian use a space.
  const tail = small.join(lang === 'en' ? '-' : ' ');
  const and = lang === 'en' && opts.englishAnd && large.length > 0 ? ['and'] : [];
  return [...large, ...and, tail].join(' ');
}
