// Which days each average stands on. A weekday × hour figure is averaged over the days the office
// was open at that hour, not over every calendar day: a Saturday open only twice a month would
// otherwise read as half as busy, and the staffing advisor would plan half the booths it needs.
import type { LocalDate, OfficeSchedule } from '../../common/protocol';
import { dayOfMonth, isoWeekday } from '../../common/time/calendar';
import { openPeriods } from '../domain/schedule';
import { LocalClock } from './local-clock';
import type { DaySummary } from './day-summary-shape';
import { datesOf, type ReportInput } from './measures';

/** Per local date, the local hours (0–23) in which the schedule has the office open; closed dates are absent. */
export type OpenHours = ReadonlyMap<LocalDate, readonly number[]>;

/** The schedule's open hours on each date of the period: holidays and closed days have none, breaks are left out. */
export function scheduledOpenHours(schedule: OfficeSchedule, period: ReportInput['period'], timeZone: string): Map<LocalDate, number[]> {
  const clock = new LocalClock(timeZone);
  const open = new Map<LocalDate, number[]>();
  for (const date of datesOf(period)) {
    const hours = new Set<number>();
    for (const stretch of openPeriods(schedule, date, timeZone)) {
      for (let at = stretch.start; at < stretch.end; at = clock.nextHourBoundary(at)) hours.add(clock.slot(at).hour);
    }
    if (hours.size > 0) open.set(date, [...hours].sort((a, b) => a - b));
  }
  return open;
}

/**
 * The hours of a day, one bit each (1 << hour), in which it worked whatever its schedule said: a
 * visitor arrived or a booth was open. The office's reports and the regional digests (day-digest.ts)
 * must agree on it for the regional advice to be the office's own.
 */
export function activeHoursOf(day: DaySummary): number {
  let active = 0;
  day.visits.arrivalsByHour.forEach((count, hour) => count > 0 && (active |= 1 << hour));
  for (const counter of Object.values(day.counters)) counter.openMsByHour.forEach((ms, hour) => ms > 0 && (active |= 1 << hour));
  return active;
}

export interface OpenDayCounts {
  /** [weekday 1–7][hour]: days of that weekday on which the office was open at that hour. */
  byCell: number[][];
  /** [hour]: days on which the office was open at that hour. */
  byHour: number[];
  /** [day of month 1–31]: dates with that day of the month on which the office was open at all. */
  byDayOfMonth: number[];
  /** Days on which the office was open at all. */
  days: number;
}

/**
 * Counts the open days behind every average. An hour counts as open when the schedule says so, or
 * when visitors arrived or a booth was open in it (a day worked outside the schedule still counts,
 * and a figure never stands on zero days).
 */
export function openDayCounts(input: ReportInput): OpenDayCounts {
  const byCell = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  const byHour = new Array<number>(24).fill(0);
  const byDayOfMonth = new Array<number>(32).fill(0);
  const summaries = new Map(input.days.map((day) => [day.date, day]));
  let days = 0;
  for (const date of datesOf(input.period)) {
    const hours = new Set(input.openHours.get(date));
    const day = summaries.get(date);
    const active = day ? activeHoursOf(day) : 0;
    for (let hour = 0; hour < 24; hour++) if (active & (1 << hour)) hours.add(hour);
    if (hours.size === 0) continue;
    days += 1;
    byDayOfMonth[dayOfMonth(date)]! += 1;
    for (const hour of hours) {
      byCell[isoWeekday(date)]![hour]! += 1;
      byHour[hour]! += 1;
    }
  }
  return { byCell, byHour, byDayOfMonth, days };
}

/** n ÷ days, or 0 when there were no days to average over. */
export const perOpenDay = (n: number, days: number): number => (days === 0 ? 0 : n / days);
