import type { Lang } from '../protocol/model';

// How a ticket prefix letter is read aloud, by announcement language. The spellings were checked
// against espeak-ng's phoneme output (`espeak-ng -v ru -x "бэ"`), so that it says the letter's name
// rather than guessing: a bare "A" in English comes out as the article, "ay" as "eye".
// Every table covers Cyrillic (Russian and Ukrainian) and Latin capitals, so any prefix an office
// chooses can be read in any of its languages.

const RU: Readonly<Record<string, string>> = {
  А: 'а', Б: 'бэ', В: 'вэ', Г: 'гэ', Ґ: 'гэ', Д: 'дэ', Е: 'е', Є: 'йэ', Ё: 'ё', Ж: 'жэ', З: 'зэ',
  И: 'и', І: 'и', Ї: 'йи', Й: 'и краткое', К: 'ка', Л: 'эль', М: 'эм', Н: 'эн', О: 'о', П: 'пэ',
  Р: 'эр', С: 'эс', Т: 'тэ', У: 'у', Ф: 'эф', Х: 'ха', Ц: 'цэ', Ч: 'че', Ш: 'ша', Щ: 'ща',
  Ъ: 'твёрдый знак', Ы: 'ы', Ь: 'мягкий знак', Э: 'э', Ю: 'ю', Я: 'я',
  A: 'а', B: 'бэ', C: 'цэ', D: 'дэ', E: 'е', F: 'эф', G: 'гэ', H: 'аш', I: 'и', J: 'йот', K: 'ка',
  L: 'эль', M: 'эм', N: 'эн', O: 'о', P: 'пэ', Q: 'ку', R: 'эр', S: 'эс', T: 'тэ', U: 'у', V: 'вэ',
  W: 'дубль-вэ', X: 'икс', Y: 'игрек', Z: 'зэт',
};

const UK: Readonly<Record<string, string>> = {
  А: 'а', Б: 'бе', В: 'ве', Г: 'ге', Ґ: 'ґе', Д: 'де', Е: 'е', Є: 'є', Ё: 'йо', Ж: 'же', З: 'зе',
  И: 'и', І: 'і', Ї: 'ї', Й: 'йот', К: 'ка', Л: 'ел', М: 'ем', Н: 'ен', О: 'о', П: 'пе', Р: 'ер',
  С: 'ес', Т: 'те', У: 'у', Ф: 'еф', Х: 'ха', Ц: 'це', Ч: 'че', Ш: 'ша', Щ: 'ща',
  Ъ: 'твердий знак', Ы: 'и', Ь: "м'який знак", Э: 'е', Ю: 'ю', Я: 'я',
  A: 'а', B: 'бе', C: 'це', D: 'де', E: 'е', F: 'еф', G: 'ге', H: 'аш', I: 'і', J: 'йот', K: 'ка',
  L: 'ел', M: 'ем', N: 'ен', O: 'о', P: 'пе', Q: 'ку', R: 'ер', S: 'ес', T: 'те', U: 'у', V: 'ве',
  W: 'дубль-ве', X: 'ікс', Y: 'ігрек', Z: 'зет',
};

const EN: Readonly<Record<string, string>> = {
  A: 'eh', B: 'bee', C: 'see', D: 'dee', E: 'ee', F: 'ef', G: 'jee', H: 'aitch', I: 'eye', J: 'jay',
  K: 'kay', L: 'el', M: 'em', N: 'en', O: 'oh', P: 'pee', Q: 'cue', R: 'ar', S: 'ess', T: 'tee',
  U: 'you', V: 'vee', W: 'double-you', X: 'ex', Y: 'why', Z: 'zed',
  А: 'ah', Б: 'beh', В: 'veh', Г: 'gheh', Ґ: 'gheh', Д: 'deh', Е: 'yeh', Є: 'yeh', Ё: 'yo', Ж: 'zheh',
  З: 'zeh', И: 'ee', І: 'ee', Ї: 'yee', Й: 'short ee', К: 'kah', Л: 'el', М: 'em', Н: 'en', О: 'oh',
  П: 'peh', Р: 'air', С: 'ess', Т: 'teh', У: 'oo', Ф: 'ef', Х: 'khah', Ц: 'tseh', Ч: 'cheh',
  Ш: 'shah', Щ: 'shah-chah', Ъ: 'hard sign', Ы: 'yery', Ь: 'soft sign', Э: 'eh', Ю: 'yoo', Я: 'yah',
};

export const LETTER_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { ru: RU, uk: UK, en: EN };

/** The spoken name of one letter, case-insensitive: ('б', 'ru') → «бэ». */
export function letterName(letter: string, lang: Lang): string {
  const name = LETTER_NAMES[lang][letter.toUpperCase()];
  if (name === undefined) throw new Error(`No ${lang} name for the letter "${letter}"`);
  return name;
}
