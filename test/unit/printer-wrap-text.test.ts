import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../printer/wrap-text';

/** Characters per line on 58 mm paper. */
const NARROW = 32;

describe('wrapping ticket text', () => {
  it('breaks a list of phone numbers only between the numbers', () => {
    expect(wrapText('Тел.: +7 30145 4-12-34, +7 30145 4-56-78', NARROW)).toEqual(['Тел.: +7 30145 4-12-34,', '+7 30145 4-56-78']);
    expect(wrapText('Телефони: +7 (3952) 12-34-56, +7 (3952) 65-43-21', NARROW)).toEqual([
      'Телефони: +7 (3952) 12-34-56,',
      '+7 (3952) 65-43-21',
    ]);
    expect(wrapText('Телефони: 8 800 100-00-00; +380 44 123 45 67', NARROW)).toEqual(['Телефони: 8 800 100-00-00;', '+380 44 123 45 67']);
  });

  it('breaks a phone number longer than the line at its spaces rather than cutting a group of digits', () => {
    expect(wrapText('+7 (3952) 12-34-56', 12)).toEqual(['+7 (3952)', '12-34-56']);
  });

  it('does not leave a house number alone on the last line', () => {
    expect(wrapText('м. Гусиноозерськ, вул. Пушкіна, 12', NARROW)).toEqual(['м. Гусиноозерськ, вул.', 'Пушкіна, 12']);
    expect(wrapText('г. Иркутск, ул. Карла Маркса, 12а', NARROW)).toEqual(['г. Иркутск, ул. Карла', 'Маркса, 12а']);
  });

  it('leaves a text that fits, or ends in a long word, as it is', () => {
    expect(wrapText('г. Гусиноозёрск, ул. Пушкина, 12', NARROW)).toEqual(['г. Гусиноозёрск, ул. Пушкина, 12']);
    expect(wrapText('Регистрация по месту пребывания', 20)).toEqual(['Регистрация по месту', 'пребывания']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapText('ab abcdefghij', 4)).toEqual(['ab', 'abcd', 'efgh', 'ij']);
  });

  it('keeps every word in order and every line within the width, whatever the text', () => {
    const word = fc.stringMatching(/^[a-zа-я0-9+()\-,]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.integer({ min: 4, max: 48 }), (words, width) => {
        const lines = wrapText(words.join(' '), width);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});
