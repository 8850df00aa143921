import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/protocol';
import { printedTicket } from '../../server/printing/ticket-print-data';
import { Desk, issue, makeConfig } from '../support/domain-fixtures';
import { printedDateTime } from '../support/ticket-dates';

const IRKUTSK = 'Asia/Irkutsk';

/** The issue date and time a ticket in `language` carries when issued at `at`. */
function issuedAt(at: number, language: Lang): string {
  const desk = new Desk(makeConfig({ timeZone: IRKUTSK }), at);
  const ticket = desk.must(issue('A', { language }));
  return printedTicket(ticket, desk.config, { publicUrl: 'https://talon.example', officeId: 'main', estimate: null, duplicate: false }).issuedAt;
}

describe('dates on printed tickets', () => {
  // 2 December 2026, 09:05 in Irkutsk: a day and month that read both ways as numbers.
  const december2 = Date.UTC(2026, 11, 2, 1, 5);

  it('name the month in the ticket\u2019s language, day first, with a 24-hour time', () => {
    expect(issuedAt(december2, 'en')).toBe('2 December 2026 09:05');
    expect(issuedAt(december2, 'ru')).toBe('2 декабря 2026 09:05');
    expect(issuedAt(december2, 'uk')).toBe('2 грудня 2026 09:05');
  });

  it('are the office\u2019s local date and time, afternoon included', () => {
    // 23:30 UTC on 11 February is 07:30 on 12 February in Irkutsk; 10:45 UTC is 18:45 there.
    expect(issuedAt(Date.UTC(2026, 1, 11, 23, 30), 'en')).toBe('12 February 2026 07:30');
    expect(issuedAt(Date.UTC(2026, 1, 12, 10, 45), 'uk')).toBe('12 лютого 2026 18:45');
  });

  it('agree with the independent reading the integration tests use', () => {
    for (const lang of ['en', 'ru', 'uk'] as const) expect(issuedAt(december2, lang)).toBe(printedDateTime(december2, lang, IRKUTSK));
  });
});
