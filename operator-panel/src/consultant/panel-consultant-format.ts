// Dates and times in the appointment book: the office's calendar days and clock, whatever zone the
// consultant's computer is set to.
import { dateAfterOn } from '../../../common/i18n';
import type { Lang, LocalDate } from '../../../common/protocol';

function dateOfDay(date: LocalDate): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** 'Tue 15 Jan': short, for the day picker and the lists. */
export function shortDay(date: LocalDate, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(dateOfDay(date));
}

/** 'Tuesday, 15 January 2030': for what the visitor takes home or hears. */
export function longDay(date: LocalDate, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dateOfDay(date));
}

/**
 * 'Wednesday, 16 January' / 'среду, 16 января': a day in a message that puts it after "on"/"на"
 * (the `{dateAfterOn}` placeholder), with the year for what the visitor is told.
 */
export function dayAfterOn(date: LocalDate, lang: Lang, withYear = false): string {
  return dateAfterOn(lang, date, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) });
}
