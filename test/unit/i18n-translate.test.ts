import { describe, expect, it } from 'vitest';
import { interpolate, translate, translatorFor } from '../../common/i18n/translate';

describe('translate', () => {
  it('returns the message in the asked language', () => {
    expect(translate('ru', 'ticket.yourNumber')).toBe('Номер вашего талона');
    expect(translate('uk', 'ticket.yourNumber')).toBe('Номер вашого талона');
    expect(translate('en', 'ticket.yourNumber')).toBe('Your ticket number');
  });

  it('fills named placeholders', () => {
    expect(translate('en', 'ticket.issued', { date: '12.03.2025', time: '14:05' })).toBe('Issued: 12.03.2025 14:05');
    expect(translate('ru', 'speech.call', { ticket: 'бэ один', counter: 'два' })).toBe(
      'Талон номер бэ один, пройдите к окну номер два',
    );
  });

  it('translates error codes', () => {
    expect(translate('ru', 'errors.queue-empty')).toBe('В очереди никого нет.');
    expect(translate('uk', 'errors.counter-paused')).toBe('Вікно на перерві.');
  });

  it.each([
    { count: 1, expected: 'Перед вами 1 человек' },
    { count: 2, expected: 'Перед вами 2 человека' },
    { count: 4, expected: 'Перед вами 4 человека' },
    { count: 5, expected: 'Перед вами 5 человек' },
    { count: 11, expected: 'Перед вами 11 человек' },
    { count: 12, expected: 'Перед вами 12 человек' },
    { count: 21, expected: 'Перед вами 21 человек' },
    { count: 22, expected: 'Перед вами 22 человека' },
    { count: 25, expected: 'Перед вами 25 человек' },
    { count: 111, expected: 'Перед вами 111 человек' },
    { count: 0, expected: 'Перед вами никого нет' },
  ])('chooses the Russian plural for $count', ({ count, expected }) => {
    expect(translate('ru', 'ticket.peopleAhead', { count })).toBe(expected);
  });

  it.each([
    { count: 1, expected: 'Перед вами 1 людина' },
    { count: 3, expected: 'Перед вами 3 людини' },
    { count: 7, expected: 'Перед вами 7 людей' },
    { count: 14, expected: 'Перед вами 14 людей' },
    { count: 31, expected: 'Перед вами 31 людина' },
    { count: 0, expected: 'Перед вами нікого немає' },
  ])('chooses the Ukrainian plural for $count', ({ count, expected }) => {
    expect(translate('uk', 'ticket.peopleAhead', { count })).toBe(expected);
  });

  it.each([
    { count: 1, expected: 'Expected wait: about 1 minute' },
    { count: 2, expected: 'Expected wait: about 2 minutes' },
    { count: 21, expected: 'Expected wait: about 21 minutes' },
    { count: 0, expected: 'Expected wait: under a minute' },
  ])('chooses the English plural for $count', ({ count, expected }) => {
    expect(translate('en', 'ticket.expectedWait', { count })).toBe(expected);
  });

  it('says "about N minutes" in the genitive after «около» and «близько»', () => {
    expect(translate('ru', 'ticket.expectedWait', { count: 21 })).toBe('Ожидание: около 21 минуты');
    expect(translate('ru', 'ticket.expectedWait', { count: 5 })).toBe('Ожидание: около 5 минут');
    expect(translate('uk', 'ticket.expectedWait', { count: 2 })).toBe('Очікування: близько 2 хвилин');
  });

  it('writes numbers without grouping spaces a receipt printer could not print', () => {
    expect(translate('ru', 'ticket.peopleAhead', { count: 1234 })).toBe('Перед вами 1234 человека');
  });

  it('checks keys and parameters at compile time', () => {
    // @ts-expect-error: no such key
    expect(() => translate('en', 'ticket.nope')).toThrow(/No message "ticket.nope"/);
    // @ts-expect-error: `ticket` and `counter` are required
    expect(() => translate('en', 'speech.call', { ticket: 'A1' })).toThrow(/\{counter\}/);
    // @ts-expect-error: a plural message needs a numeric count
    translate('en', 'ticket.peopleAhead', { count: '3' });
    // @ts-expect-error: this message takes no parameters
    translate('en', 'ticket.yourNumber', { count: 1 });
  });
});

describe('translatorFor', () => {
  it('binds t(key, params) to one language', () => {
    const t = translatorFor('uk');
    expect(t('common.window', { number: 3 })).toBe('Вікно 3');
    expect(t('ticket.peopleAhead', { count: 2 })).toBe('Перед вами 2 людини');
  });
});

describe('interpolate', () => {
  it('fills every occurrence and leaves other text alone', () => {
    expect(interpolate('{a} and {a}, not {b', { a: 1 })).toBe('1 and 1, not {b');
  });

  it('names a missing placeholder', () => {
    expect(() => interpolate('Hello {name}', {})).toThrow(/\{name\}/);
  });
});
