import type { Lang } from '../protocol/model';

/**
 * The words a number from 0 to 9999 is built of, in the nominative. Each entry is one "chunk" that a
 * recorded voice pack stores as one fragment: thousands are whole phrases because Russian and
 * Ukrainian change both the digit (две/дві: "тысяча" is feminine) and the noun (тысяча, тысячи,
 * тысяч). 1000 is plain "тысяча"/"тисяча"/"one thousand": nobody says «одна тысяча» on a call.
 */
export interface NumberWords {
  /** 0–9. */
  units: readonly string[];
  /** 10–19. */
  teens: readonly string[];
  /** 20, 30 … 90 at indexes 2–9. */
  tens: readonly string[];
  /** 100, 200 … 900 at indexes 1–9. */
  hundreds: readonly string[];
  /** 1000, 2000 … 9000 at indexes 1–9. */
  thousands: readonly string[];
}

export const NUMBER_WORDS: Readonly<Record<Lang, NumberWords>> = {
  ru: {
    units: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
    teens: [
      'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать',
      'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать',
    ],
    tens: ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'],
    hundreds: ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'],
    thousands: [
      '', 'тысяча', 'две тысячи', 'три тысячи', 'четыре тысячи',
      'пять тысяч', 'шесть тысяч', 'семь тысяч', 'восемь тысяч', 'девять тысяч',
    ],
  },
  uk: {
    units: ['нуль', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
    teens: [
      'десять', 'одинадцять', 'дванадцять', 'тринадцять', 'чотирнадцять',
      "п'ятнадцять", 'шістнадцять', 'сімнадцять', 'вісімнадцять', "дев'ятнадцять",
    ],
    tens: ['', '', 'двадцять', 'тридцять', 'сорок', "п'ятдесят", 'шістдесят', 'сімдесят', 'вісімдесят', "дев'яносто"],
    hundreds: ['', 'сто', 'двісті', 'триста', 'чотириста', "п'ятсот", 'шістсот', 'сімсот', 'вісімсот', "дев'ятсот"],
    thousands: [
      '', 'тисяча', 'дві тисячі', 'три тисячі', 'чотири тисячі',
      "п'ять тисяч", 'шість тисяч', 'сім тисяч', 'вісім тисяч', "дев'ять тисяч",
    ],
  },
  en: {
    units: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    teens: [
      'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
      'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
    ],
    tens: ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
    hundreds: [
      '', 'one hundred', 'two hundred', 'three hundred', 'four hundred',
      'five hundred', 'six hundred', 'seven hundred', 'eight hundred', 'nine hundred',
    ],
    thousands: [
      '', 'one thousand', 'two thousand', 'three thousand', 'four thousand',
      'five thousand', 'six thousand', 'seven thousand', 'eight thousand', 'nine thousand',
    ],
  },
};
