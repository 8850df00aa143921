import { LETTER_NAMES } from '../../common/i18n/letter-names';
import { NUMBER_CHUNK_VALUES, numberChunks, spellChunk } from '../../common/i18n/spell-number';
import type { Lang } from '../../common/protocol/model';

/**
 * Which recorded fragments say a text. A voice pack holds `<lang>/<name>.wav` files named by:
 * - number chunk: `100.wav` «сто», `20.wav`, `3.wav`, `2000.wav` «две тысячи» (see NUMBER_CHUNK_VALUES);
 * - letter: `letter-Б.wav` «бэ» (the capital letter itself, Cyrillic or Latin);
 * - any other word, lower case, as written: `талон.wav`, `номер.wav`, `окну.wav`.
 * The text is read back with the same speller that wrote it, so every announcement maps to files.
 */
export interface FragmentStep {
  kind: 'fragment';
  /** What the fragment says, for error messages. */
  words: string;
  /** File names without extension, best first. */
  candidates: readonly string[];
}

export type PlanStep = FragmentStep | { kind: 'pause' };

// Words are letters (with inner apostrophes) or digits, so a fragment name can never be a path.
const TOKEN = /\p{L}+(?:'\p{L}+)*|\p{N}+|[,.;:!?]/gu;

function words(text: string): string[] {
  return (text.toLowerCase().replace(/[\u2019\u02bc]/g, "'").replace(/-/g, ' ').match(TOKEN) ?? []);
}

interface Lexicon {
  phrases: Map<string, string[]>;
  longest: number;
}

const lexicons = new Map<Lang, Lexicon>();

/** Spoken phrase → fragment names that say it. Б and Latin B are both «бэ»: either recording will do. */
function lexiconFor(lang: Lang): Lexicon {
  const cached = lexicons.get(lang);
  if (cached) return cached;
  const phrases = new Map<string, string[]>();
  const add = (spoken: string, name: string) => {
    const key = words(spoken).join(' ');
    phrases.set(key, [...(phrases.get(key) ?? []), name]);
  };
  for (const value of NUMBER_CHUNK_VALUES) add(spellChunk(value, lang), String(value));
  for (const [letter, name] of Object.entries(LETTER_NAMES[lang])) add(name, `letter-${letter}`);
  const longest = Math.max(...[...phrases.keys()].map((key) => key.split(' ').length));
  const lexicon = { phrases, longest };
  lexicons.set(lang, lexicon);
  return lexicon;
}

/** Reads the text left to right, always taking the longest known phrase («две тысячи» before «две»). */
export function fragmentPlan(text: string, lang: Lang): PlanStep[] {
  const { phrases, longest } = lexiconFor(lang);
  const tokens = words(text);
  const plan: PlanStep[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/^[,.;:!?]$/.test(token)) {
      if (plan.length > 0 && plan.at(-1)?.kind !== 'pause') plan.push({ kind: 'pause' });
      i += 1;
      continue;
    }
    if (/^\p{N}+$/u.test(token)) {
      for (const chunk of numberChunks(Number(token))) {
        plan.push({ kind: 'fragment', words: spellChunk(chunk, lang), candidates: [String(chunk)] });
      }
      i += 1;
      continue;
    }
    let length = Math.min(longest, tokens.length - i);
    while (length > 1 && !phrases.has(tokens.slice(i, i + length).join(' '))) length -= 1;
    const phrase = tokens.slice(i, i + length).join(' ');
    const known = phrases.get(phrase) ?? [];
    plan.push({ kind: 'fragment', words: phrase, candidates: length === 1 ? [...known, phrase] : known });
    i += length;
  }
  if (plan.at(-1)?.kind === 'pause') plan.pop();
  return plan;
}
