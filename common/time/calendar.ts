// Wall-clock arithmetic in an office's time zone with the built-in Intl API. Nothing here reads the
// clock: every instant is passed in as epoch milliseconds. A LocalDate ('YYYY-MM-DD') is handled as
// a plain calendar date, computed on a UTC timeline where no daylight saving exists.
import type { ClockTime, LocalDate } from '../protocol';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalParts {
  date: LocalDate;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  dayOfMonth: number;
  hour: number;
}

// Building a DateTimeFormat costs far more than using one, and this runs on every command.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of an instant, expressed as if that reading were UTC. */
function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const wholeSeconds = Date.UTC(year, month - 1, day, hour, minute, second);
  // Intl drops milliseconds; keep them so the result differs from the instant only by the offset.
  return wholeSeconds + (((epochMs % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockAsUtc(epochMs, timeZone) - epochMs;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function utcToLocalDate(utcMs: number): LocalDate {
  const d = new Date(utcMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function localDateToUtc(date: LocalDate): number {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, day);
  if (Number.isNaN(utc)) throw new RangeError(`Not a local date: ${date}`);
  return utc;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const wall = wallClockAsUtc(epochMs, timeZone);
  const midnight = Math.floor(wall / DAY) * DAY;
  const d = new Date(wall);
  return {
    date: utcToLocalDate(wall),
    minutes: Math.floor((wall - midnight) / MINUTE),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    dayOfMonth: d.getUTCDate(),
    hour: d.getUTCHours(),
  };
}

/** The office's service day: its local calendar date at that instant. */
export function localDate(epochMs: number, timeZone: string): LocalDate {
  return utcToLocalDate(wallClockAsUtc(epochMs, timeZone));
}

export function clockToMinutes(time: ClockTime): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a clock time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return utcToLocalDate(localDateToUtc(date) + n * DAY);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(localDateToUtc(date)).getUTCDay() + 6) % 7) + 1;
}

/** Day of the month, 1–31. */
export function dayOfMonth(date: LocalDate): number {
  return new Date(localDateToUtc(date)).getUTCDate();
}

/**
 * The instant at which the office's clock shows `time` on `date`.
 * Around a daylight-saving change it follows the usual "compatible" rule (as in Temporal and most
 * calendars): a time that does not exist (the spring gap) is moved forward by the length of the
 * gap, and a time that occurs twice (the autumn overlap) means its first occurrence.
 */
export function zonedToEpoch(date: LocalDate, time: ClockTime | number, timeZone: string): number {
  const minutes = typeof time === 'number' ? time : clockToMinutes(time);
  const wall = localDateToUtc(date) + minutes * MINUTE;
  // A day either side brackets any single transition near the wanted instant, whatever the offset.
  const offsetBefore = offsetAt(wall - DAY, timeZone);
  const offsetAfter = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([wall - offsetBefore, wall - offsetAfter])].filter(
    (instant) => wallClockAsUtc(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: reading the wall time with the offset in force before the change lands after it,
  // exactly one gap length later on the clock.
  return wall - offsetBefore;
}
