// A calendar day as it reads after "on" / "на". Russian and Ukrainian put the weekday there in the
// accusative ("Записи на среду, 15 января"), a form Intl.DateTimeFormat does not give: Intl writes
// the date in the language's order and words, and the weekday alone is swapped for the catalogue's
// `common.weekdayAfterOn` form. English and every other part of the date are Intl's own (British English, day first).
import { isoWeekday, localDateToUtc } from '../time/calendar';
import type { Lang, LocalDate } from '../protocol/model';
import { intlLocale } from './intl-locale';
import { translate } from './translate';

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export type DateAfterOnOptions = Pick<Intl.DateTimeFormatOptions, 'day' | 'month' | 'year'>;

/** `dateAfterOn('ru', '2030-01-16', { day: 'numeric', month: 'long' })` → 'среду, 16 января'. */
export function dateAfterOn(lang: Lang, date: LocalDate, options: DateAfterOnOptions): string {
  const format = new Intl.DateTimeFormat(intlLocale(lang), { ...options, weekday: 'long', timeZone: 'UTC' });
  const weekday = translate(lang, `common.weekdayAfterOn.${WEEKDAY_NAMES[isoWeekday(date) - 1]!}`);
  return format
    .formatToParts(localDateToUtc(date))
    .map((part) => (part.type === 'weekday' ? weekday : part.value))
    .join('');
}
