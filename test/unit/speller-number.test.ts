import { describe, expect, it } from 'vitest';
import { MAX_SPELLED_NUMBER, NUMBER_CHUNK_VALUES, numberChunks, spellChunk, spellNumber } from '../../common/i18n/spell-number';
import { LANGUAGES, type Lang } from '../../common/protocol/model';

// Written by hand, not generated: every branch of the speller in every language.
const KNOWN: { n: number; ru: string; uk: string; en: string }[] = [
  { n: 0, ru: 'ноль', uk: 'нуль', en: 'zero' },
  { n: 1, ru: 'один', uk: 'один', en: 'one' },
  { n: 2, ru: 'два', uk: 'два', en: 'two' },
  { n: 5, ru: 'пять', uk: "п'ять", en: 'five' },
  { n: 7, ru: 'семь', uk: 'сім', en: 'seven' },
  { n: 9, ru: 'девять', uk: "дев'ять", en: 'nine' },
  { n: 10, ru: 'десять', uk: 'десять', en: 'ten' },
  { n: 11, ru: 'одиннадцать', uk: 'одинадцять', en: 'eleven' },
  { n: 12, ru: 'двенадцать', uk: 'дванадцять', en: 'twelve' },
  { n: 14, ru: 'четырнадцать', uk: 'чотирнадцять', en: 'fourteen' },
  { n: 15, ru: 'пятнадцать', uk: "п'ятнадцять", en: 'fifteen' },
  { n: 19, ru: 'девятнадцать', uk: "дев'ятнадцять", en: 'nineteen' },
  { n: 20, ru: 'двадцать', uk: 'двадцять', en: 'twenty' },
  { n: 21, ru: 'двадцать один', uk: 'двадцять один', en: 'twenty-one' },
  { n: 30, ru: 'тридцать', uk: 'тридцять', en: 'thirty' },
  { n: 40, ru: 'сорок', uk: 'сорок', en: 'forty' },
  { n: 45, ru: 'сорок пять', uk: "сорок п'ять", en: 'forty-five' },
  { n: 50, ru: 'пятьдесят', uk: "п'ятдесят", en: 'fifty' },
  { n: 60, ru: 'шестьдесят', uk: 'шістдесят', en: 'sixty' },
  { n: 70, ru: 'семьдесят', uk: 'сімдесят', en: 'seventy' },
  { n: 80, ru: 'восемьдесят', uk: 'вісімдесят', en: 'eighty' },
  { n: 90, ru: 'девяносто', uk: "дев'яносто", en: 'ninety' },
  { n: 99, ru: 'девяносто девять', uk: "дев'яносто дев'ять", en: 'ninety-nine' },
  { n: 100, ru: 'сто', uk: 'сто', en: 'one hundred' },
  { n: 101, ru: 'сто один', uk: 'сто один', en: 'one hundred one' },
  { n: 105, ru: 'сто пять', uk: "сто п'ять", en: 'one hundred five' },
  { n: 110, ru: 'сто десять', uk: 'сто десять', en: 'one hundred ten' },
  { n: 115, ru: 'сто пятнадцать', uk: "сто п'ятнадцять", en: 'one hundred fifteen' },
  { n: 123, ru: 'сто двадцать три', uk: 'сто двадцять три', en: 'one hundred twenty-three' },
  { n: 200, ru: 'двести', uk: 'двісті', en: 'two hundred' },
  { n: 300, ru: 'триста', uk: 'триста', en: 'three hundred' },
  { n: 400, ru: 'четыреста', uk: 'чотириста', en: 'four hundred' },
  { n: 500, ru: 'пятьсот', uk: "п'ятсот", en: 'five hundred' },
  { n: 600, ru: 'шестьсот', uk: 'шістсот', en: 'six hundred' },
  { n: 700, ru: 'семьсот', uk: 'сімсот', en: 'seven hundred' },
  { n: 800, ru: 'восемьсот', uk: 'вісімсот', en: 'eight hundred' },
  { n: 900, ru: 'девятьсот', uk: "дев'ятсот", en: 'nine hundred' },
  { n: 999, ru: 'девятьсот девяносто девять', uk: "дев'ятсот дев'яносто дев'ять", en: 'nine hundred ninety-nine' },
  { n: 1000, ru: 'тысяча', uk: 'тисяча', en: 'one thousand' },
  { n: 1001, ru: 'тысяча один', uk: 'тисяча один', en: 'one thousand one' },
  { n: 1010, ru: 'тысяча десять', uk: 'тисяча десять', en: 'one thousand ten' },
  { n: 1100, ru: 'тысяча сто', uk: 'тисяча сто', en: 'one thousand one hundred' },
  { n: 1213, ru: 'тысяча двести тринадцать', uk: 'тисяча двісті тринадцять', en: 'one thousand two hundred thirteen' },
  { n: 2000, ru: 'две тысячи', uk: 'дві тисячі', en: 'two thousand' },
  { n: 2001, ru: 'две тысячи один', uk: 'дві тисячі один', en: 'two thousand one' },
  { n: 2002, ru: 'две тысячи два', uk: 'дві тисячі два', en: 'two thousand two' },
  { n: 2345, ru: 'две тысячи триста сорок пять', uk: "дві тисячі триста сорок п'ять", en: 'two thousand three hundred forty-five' },
  { n: 3000, ru: 'три тысячи', uk: 'три тисячі', en: 'three thousand' },
  { n: 4000, ru: 'четыре тысячи', uk: 'чотири тисячі', en: 'four thousand' },
  { n: 5000, ru: 'пять тысяч', uk: "п'ять тисяч", en: 'five thousand' },
  { n: 5005, ru: 'пять тысяч пять', uk: "п'ять тисяч п'ять", en: 'five thousand five' },
  { n: 6000, ru: 'шесть тысяч', uk: 'шість тисяч', en: 'six thousand' },
  { n: 7000, ru: 'семь тысяч', uk: 'сім тисяч', en: 'seven thousand' },
  { n: 8000, ru: 'восемь тысяч', uk: 'вісім тисяч', en: 'eight thousand' },
  { n: 9000, ru: 'девять тысяч', uk: "дев'ять тисяч", en: 'nine thousand' },
  {
    n: 9999,
    ru: 'девять тысяч девятьсот девяносто девять',
    uk: "дев'ять тисяч дев'ятсот дев'яносто дев'ять",
    en: 'nine thousand nine hundred ninety-nine',
  },
];

const ALL_NUMBERS = Array.from({ length: MAX_SPELLED_NUMBER + 1 }, (_, n) => n);

// Letters each language's number words may use: nothing from a neighbouring alphabet slips in.
const WORD_CHARACTERS: Record<Lang, RegExp> = {
  ru: /^[а-яё ]+$/,
  uk: /^[а-щьюяєіїґ' ]+$/,
  en: /^[a-z -]+$/,
};

describe('spellNumber', () => {
  for (const lang of LANGUAGES) {
    it.each(KNOWN)(`spells $n in ${lang} as written by hand`, (row) => {
      expect(spellNumber(row.n, lang)).toBe(row[lang]);
    });
  }

  it.each([
    { n: 105, expected: 'one hundred and five' },
    { n: 123, expected: 'one hundred and twenty-three' },
    { n: 1010, expected: 'one thousand and ten' },
    { n: 2005, expected: 'two thousand and five' },
    { n: 2345, expected: 'two thousand three hundred and forty-five' },
    { n: 100, expected: 'one hundred' },
    { n: 1100, expected: 'one thousand one hundred' },
    { n: 42, expected: 'forty-two' },
  ])('says "and" in English when asked: $n is "$expected"', ({ n, expected }) => {
    expect(spellNumber(n, 'en', { englishAnd: true })).toBe(expected);
  });

  it('ignores the English "and" option in Russian and Ukrainian', () => {
    expect(spellNumber(105, 'ru', { englishAnd: true })).toBe('сто пять');
    expect(spellNumber(105, 'uk', { englishAnd: true })).toBe("сто п'ять");
  });

  it.each([-1, 10_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (n) => {
    expect(() => spellNumber(n, 'ru')).toThrow(RangeError);
  });

  for (const lang of LANGUAGES) {
    it(`gives every number from 0 to 9999 in ${lang} non-empty words, single spaces, its own alphabet`, () => {
      for (const n of ALL_NUMBERS) {
        const words = spellNumber(n, lang);
        expect(words).toMatch(WORD_CHARACTERS[lang]);
        expect(words).not.toMatch(/ {2}|^ | $|--|^-|-$/);
      }
    });

    it(`gives different numbers different words in ${lang}`, () => {
      const spellings = new Set(ALL_NUMBERS.map((n) => spellNumber(n, lang)));
      expect(spellings.size).toBe(ALL_NUMBERS.length);
    });

    it(`reads back as the same number in ${lang} when its chunks are summed`, () => {
      const byWords = new Map(NUMBER_CHUNK_VALUES.map((value) => [spellChunk(value, lang), value]));
      const longestFirst = [...byWords.keys()].sort((a, b) => b.length - a.length);
      for (const n of ALL_NUMBERS) {
        let rest = spellNumber(n, lang).replace(/-/g, ' ');
        let sum = 0;
        while (rest !== '') {
          const chunk = longestFirst.find((words) => rest === words || rest.startsWith(`${words} `));
          if (chunk === undefined) throw new Error(`Cannot read "${rest}" of ${n}`);
          sum += byWords.get(chunk)!;
          rest = rest.slice(chunk.length).trimStart();
        }
        expect(sum).toBe(n);
      }
    });
  }

  it('never says «одна тысяча» or «одна тисяча»: 1000–1999 start with the bare noun', () => {
    for (let n = 1000; n < 2000; n++) {
      expect(spellNumber(n, 'ru')).toMatch(/^тысяча( |$)/);
      expect(spellNumber(n, 'uk')).toMatch(/^тисяча( |$)/);
    }
  });

  it('puts thousands in the feminine and the right plural in Russian and Ukrainian', () => {
    for (let thousands = 1; thousands <= 9; thousands++) {
      const ru = spellNumber(thousands * 1000 + 1, 'ru');
      const uk = spellNumber(thousands * 1000 + 1, 'uk');
      const noun = thousands === 1 ? ['тысяча', 'тисяча'] : thousands <= 4 ? ['тысячи', 'тисячі'] : ['тысяч', 'тисяч'];
      expect(ru.split(' ')).toContain(noun[0]);
      expect(uk.split(' ')).toContain(noun[1]);
      if (thousands === 2) {
        expect(ru).toMatch(/^две тысячи/);
        expect(uk).toMatch(/^дві тисячі/);
      }
      expect(ru).not.toMatch(/два тысяч|один тысяч|одна/);
      expect(uk).not.toMatch(/два тисяч|один тисяч|одна/);
    }
  });
});

describe('numberChunks', () => {
  it.each([
    { n: 0, chunks: [0] },
    { n: 7, chunks: [7] },
    { n: 13, chunks: [13] },
    { n: 40, chunks: [40] },
    { n: 2345, chunks: [2000, 300, 40, 5] },
    { n: 1213, chunks: [1000, 200, 13] },
    { n: 9005, chunks: [9000, 5] },
  ])('splits $n into $chunks', ({ n, chunks }) => {
    expect(numberChunks(n)).toEqual(chunks);
  });

  it('splits every number only into chunks a voice pack can hold', () => {
    for (const n of ALL_NUMBERS) {
      for (const chunk of numberChunks(n)) expect(NUMBER_CHUNK_VALUES).toContain(chunk);
    }
  });
});

describe('spellChunk', () => {
  it('refuses a value that is not one chunk', () => {
    expect(() => spellChunk(37, 'ru')).toThrow(/not a number chunk/);
  });
});
