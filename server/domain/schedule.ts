// An office's opening hours: which hours apply on a date, the periods it is actually open (hours
// minus lunch breaks) and its status at an instant. Pure: the current time is always passed in.
import type { DayHours, LocalDate, Office, OfficeSchedule, OfficeStatus, WeeklyRule } from '../../common/protocol';
import { addDays, clockToMinutes, dayOfMonth, isoWeekday, localDate, zonedToEpoch } from '../../common/time/calendar';

const MINUTE = 60_000;
/** How far ahead `officeStatus` looks for the next opening: a year covers any holiday season. */
const NEXT_OPEN_SEARCH_DAYS = 366;

/** A half-open stretch of time [start, end) in epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

/** Which occurrence of its weekday a date is within its month: the 2nd Saturday → 2. */
export function weekOfMonth(date: LocalDate): number {
  return Math.ceil(dayOfMonth(date) / 7);
}

function weeklyRuleFor(weekly: WeeklyRule[], date: LocalDate): WeeklyRule | undefined {
  const weekday = isoWeekday(date);
  const week = weekOfMonth(date);
  const rules = weekly.filter((rule) => rule.weekday === weekday);
  // A rule naming this very week is more specific than one that applies every week.
  return rules.find((rule) => rule.weeksOfMonth?.includes(week)) ?? rules.find((rule) => rule.weeksOfMonth === undefined);
}

/** The hours that apply on a date, or null when closed. One-off exceptions beat holidays, holidays beat the week. */
export function hoursOn(schedule: OfficeSchedule, date: LocalDate): DayHours | null {
  const exception = schedule.exceptions.find((e) => e.date === date);
  if (exception) return exception.closed === true ? null : exception.hours;
  if (schedule.holidays.some((h) => h.date === date)) return null;
  return weeklyRuleFor(schedule.weekly, date)?.hours ?? null;
}

/**
 * The stretches of a date during which the office serves visitors: opening hours minus breaks,
 * in time order. Breaks are clipped to the opening hours and may overlap each other.
 */
export function openPeriods(schedule: OfficeSchedule, date: LocalDate, timeZone: string): Period[] {
  const hours = hoursOn(schedule, date);
  if (!hours) return [];
  const open = clockToMinutes(hours.open);
  const close = clockToMinutes(hours.close);
  const breaks = hours.breaks
    .map((b) => ({ start: Math.max(open, clockToMinutes(b.start)), end: Math.min(close, clockToMinutes(b.end)) }))
    .filter((b) => b.start < b.end)
    .sort((a, b) => a.start - b.start);
  const minutePeriods: { start: number; end: number }[] = [];
  let from = open;
  for (const b of breaks) {
    if (b.start > from) minutePeriods.push({ start: from, end: b.start });
    from = Math.max(from, b.end);
  }
  if (from < close) minutePeriods.push({ start: from, end: close });
  // Convert last: minutes on the clock, not elapsed time, are what the schedule speaks of.
  return minutePeriods.map((p) => ({ start: zonedToEpoch(date, p.start, timeZone), end: zonedToEpoch(date, p.end, timeZone) }));
}

/** The first instant after `now` at which an open period begins, within a year, or null. */
export function nextOpening(schedule: OfficeSchedule, timeZone: string, now: number): number | null {
  const today = localDate(now, timeZone);
  for (let day = 0; day <= NEXT_OPEN_SEARCH_DAYS; day++) {
    const next = openPeriods(schedule, addDays(today, day), timeZone).find((p) => p.start > now);
    if (next) return next.start;
  }
  return null;
}

/**
 * Open, on a lunch break, or closed at `now`. `until` is when that state ends (the next break,
 * the break's end, closing time, or the next opening when closed); `issuing` turns false
 * `cutoffMinutes` before closing so nobody is handed a ticket that cannot be served today.
 */
export function officeStatus(office: Pick<Office, 'schedule' | 'timeZone'>, now: number): OfficeStatus {
  const { schedule, timeZone } = office;
  const periods = openPeriods(schedule, localDate(now, timeZone), timeZone);
  const current = periods.find((p) => p.start <= now && now < p.end);
  const closing = periods.at(-1)?.end;
  if (current && closing !== undefined) {
    return {
      state: 'open',
      issuing: now < closing - schedule.cutoffMinutes * MINUTE,
      until: current.end,
      nextOpen: null,
    };
  }
  const laterToday = periods.find((p) => p.start > now);
  const openedToday = periods.some((p) => p.start <= now);
  if (laterToday && openedToday) {
    return { state: 'break', issuing: false, until: laterToday.start, nextOpen: laterToday.start };
  }
  const nextOpen = laterToday?.start ?? nextOpening(schedule, timeZone, now);
  return { state: 'closed', issuing: false, until: nextOpen, nextOpen };
}
