import { describe, expect, it } from 'vitest';
import { announcementText } from '../../common/i18n/announcement-text';
import { LETTER_NAMES, letterName } from '../../common/i18n/letter-names';
import { spellTicketCode } from '../../common/i18n/spell-ticket-code';
import { LANGUAGES } from '../../common/protocol/model';

const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CYRILLIC = 'АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';

describe('letter names', () => {
  for (const lang of LANGUAGES) {
    it(`name every Latin and Cyrillic capital, and nothing else, in ${lang}`, () => {
      expect(Object.keys(LETTER_NAMES[lang]).sort()).toEqual([...LATIN, ...CYRILLIC].sort());
    });

    it(`are written in the script ${lang} is read in`, () => {
      const script = lang === 'en' ? /^[a-z -]+$/ : /^[а-яёєіїґ' -]+$/;
      for (const name of Object.values(LETTER_NAMES[lang])) expect(name).toMatch(script);
    });
  }

  it('read Б as «бэ» in Russian and «бе» in Ukrainian, whatever the case', () => {
    expect(letterName('Б', 'ru')).toBe('бэ');
    expect(letterName('б', 'ru')).toBe('бэ');
    expect(letterName('Б', 'uk')).toBe('бе');
  });

  it('name a letter they do not know in the error', () => {
    expect(() => letterName('Ω', 'ru')).toThrow(/"Ω"/);
  });
});

describe('spellTicketCode', () => {
  it.each([
    { code: 'Б123', lang: 'ru', expected: 'бэ сто двадцать три' },
    { code: 'Б123', lang: 'uk', expected: 'бе сто двадцять три' },
    { code: 'Б123', lang: 'en', expected: 'beh one hundred twenty-three' },
    { code: 'A105', lang: 'en', expected: 'eh one hundred five' },
    { code: 'A105', lang: 'ru', expected: 'а сто пять' },
    { code: 'B12', lang: 'ru', expected: 'бэ двенадцать' },
    { code: 'Ґ5', lang: 'uk', expected: "ґе п'ять" },
    { code: 'Й1', lang: 'ru', expected: 'и краткое один' },
    { code: 'б7', lang: 'ru', expected: 'бэ семь' },
    { code: 'А-007', lang: 'ru', expected: 'а семь' },
    { code: ' Д 2000 ', lang: 'uk', expected: 'де дві тисячі' },
    { code: 'AB3', lang: 'en', expected: 'eh bee three' },
    { code: '123', lang: 'ru', expected: 'сто двадцать три' },
  ] as const)('reads $code in $lang as "$expected"', ({ code, lang, expected }) => {
    expect(spellTicketCode(code, lang)).toBe(expected);
  });

  it('passes the English "and" option on to the number', () => {
    expect(spellTicketCode('A105', 'en', { englishAnd: true })).toBe('eh one hundred and five');
  });

  it.each(['', 'Б', '12Б', 'Б 1 2', 'Б+1', '1.5'])('refuses "%s", which is not a ticket code', (code) => {
    expect(() => spellTicketCode(code, 'ru')).toThrow(/not a ticket code/);
  });

  it('refuses a number it cannot spell', () => {
    expect(() => spellTicketCode('А10000', 'ru')).toThrow(RangeError);
  });
});

describe('announcementText', () => {
  it.each([
    { lang: 'ru', expected: 'Талон номер бэ сто двадцать три, пройдите к окну номер пять' },
    { lang: 'uk', expected: "Талон номер бе сто двадцять три, підійдіть до вікна номер п'ять" },
    { lang: 'en', expected: 'Ticket beh one hundred and twenty-three, please go to window five' },
  ] as const)('says the call in $lang with the catalogue template', ({ lang, expected }) => {
    expect(announcementText(lang, 'Б123', 5)).toBe(expected);
  });

  it('uses an office template for the language when there is one', () => {
    const templates = { ru: 'Клиент {ticket}, окно {counter}' };
    expect(announcementText('ru', 'А12', 3, templates)).toBe('Клиент а двенадцать, окно три');
    expect(announcementText('uk', 'А12', 3, templates)).toBe('Талон номер а дванадцять, підійдіть до вікна номер три');
  });

  it('refuses a template with a placeholder it cannot fill', () => {
    expect(() => announcementText('ru', 'А1', 1, { ru: 'Талон {ticket} к {desk}' })).toThrow(/\{desk\}/);
  });

  it('refuses a counter number outside 0–9999', () => {
    expect(() => announcementText('ru', 'А1', 10_000)).toThrow(RangeError);
  });
});
