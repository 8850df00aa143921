// The staff app's words: a day after "на" takes the accusative weekday, and a counter is called
// what the hall, the signs and the voice call it ("окно" / "вікно"), in every grammatical case.
import { describe, expect, it } from 'vitest';
import { dateAfterOn } from '../../common/i18n';
import { CATALOGUES, translate } from '../../common/i18n/translate';

/** Every text of a catalogue section, plural forms included. */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.values(node as Record<string, unknown>).flatMap(textsOf);
}

describe('a day after "on"', () => {
  it('puts the Russian weekday in the accusative', () => {
    // 14–20 January 2030 is Monday to Sunday.
    const days = ['14', '15', '16', '17', '18', '19', '20'].map((d) => dateAfterOn('ru', `2030-01-${d}`, { day: 'numeric', month: 'long' }));
    expect(days).toEqual([
      'понедельник, 14 января',
      'вторник, 15 января',
      'среду, 16 января',
      'четверг, 17 января',
      'пятницу, 18 января',
      'субботу, 19 января',
      'воскресенье, 20 января',
    ]);
  });

  it('puts the Ukrainian weekday in the accusative', () => {
    const days = ['16', '18', '19', '20'].map((d) => dateAfterOn('uk', `2030-01-${d}`, { day: 'numeric', month: 'long' }));
    expect(days).toEqual(['середу, 16 січня', 'пʼятницю, 18 січня', 'суботу, 19 січня', 'неділю, 20 січня']);
  });

  it('leaves English (day first) and the rest of the date as Intl writes them', () => {
    expect(dateAfterOn('en', '2030-01-16', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2030, 0, 16)),
    );
  });

  it('makes the consultant\'s heading grammatical', () => {
    const dateAfterOnWednesday = (lang: 'ru' | 'uk') => dateAfterOn(lang, '2030-01-16', { day: 'numeric', month: 'long' });
    expect(translate('ru', 'consultant.bookings.heading', { dateAfterOn: dateAfterOnWednesday('ru') })).toBe('Записи на среду, 16 января');
    expect(translate('uk', 'consultant.bookings.heading', { dateAfterOn: dateAfterOnWednesday('uk') })).toBe('Записи на середу, 16 січня');
  });
});

describe('one word for a counter', () => {
  const STAFF_SECTIONS = ['panel', 'consultant', 'admin', 'analytics', 'visits'] as const;

  it('never says "кабина" in the Russian staff app', () => {
    const texts = STAFF_SECTIONS.flatMap((section) => textsOf(CATALOGUES.ru[section]));
    expect(texts.filter((text) => /кабин/i.test(text))).toEqual([]);
  });

  it('never says "кабіна" in the Ukrainian staff app', () => {
    const texts = STAFF_SECTIONS.flatMap((section) => textsOf(CATALOGUES.uk[section]));
    expect(texts.filter((text) => /кабін/i.test(text))).toEqual([]);
  });

  it('uses the word the voice uses in the booth panel', () => {
    expect(translate('ru', 'speech.call', { ticket: 'А1', counter: '3' })).toContain('окну');
    expect(translate('ru', 'panel.actions.open')).toBe('Открыть окно');
    expect(translate('uk', 'speech.call', { ticket: 'А1', counter: '3' })).toContain('вікна');
    expect(translate('uk', 'panel.actions.open')).toBe('Відкрити вікно');
  });
});
