// The days one office was open at each weekday × hour of a period, from its digests — the office's
// own count (open-days.ts: the schedule's hours of each date, and the hours someone came or a booth
// was open). The digests keep those hours per day of the month, added up with OR: a month's digest
// answers exactly for its own dates, and a period never holds two digests of the same date.
import type { LocalDate } from '../../common/protocol';
import { dayOfMonth } from '../../common/time/calendar';
import type { OpenHours } from '../analytics/open-days';
import { WEEK_HOURS, weekHourOfDate } from '../analytics/week-hours';
import type { DatedDigest } from './region-digests';

/** Per weekday × hour (week-hours.ts): the dates of `dates` on which the office was open then. */
export function openDaysByWeekdayHour(dates: readonly LocalDate[], digests: readonly DatedDigest[], openHours: OpenHours): number[] {
  /** Per date, a bit per hour in which someone came or a booth was open. */
  const active = new Map<LocalDate, number>();
  for (const { key, digest } of digests) {
    if (isMonth(key)) digest.activeHoursByDayOfMonth.forEach((hours, day) => hours !== 0 && active.set(`${key}-${String(day).padStart(2, '0')}`, hours));
    else active.set(key, digest.activeHoursByDayOfMonth[dayOfMonth(key)]!);
  }
  const openDays = new Array<number>(WEEK_HOURS).fill(0);
  for (const date of dates) {
    let hours = active.get(date) ?? 0;
    for (const hour of openHours.get(date) ?? []) hours |= 1 << hour;
    const midnight = weekHourOfDate(date);
    for (let hour = 0; hour < 24; hour++) if ((hours >>> hour) & 1) openDays[midnight + hour]! += 1;
  }
  return openDays;
}

/** A month's key is 'YYYY-MM', a date's 'YYYY-MM-DD'. */
const isMonth = (key: string) => key.length === 7;
