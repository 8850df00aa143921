// Dates and instants a client sends. A regular expression alone let `9999-99-99` and `2026-02-31`
// through, and a report then walked day by day towards year 10,000: every date must be a real day
// of the calendar, in years an office can mean, and a period has an upper bound.
import { z } from 'zod';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** Two years and a day: a year compared with the one before it. */
export const MAX_PERIOD_DAYS = 732;

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists (no 31 April, no 29 February in 2026) between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDate(text: string): boolean {
  const match = SHAPE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, both included (0 or less when `to` comes first); both must be calendar dates. */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export const localDate = z.string().refine(isCalendarDate, `expected a real date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** Epoch milliseconds within the same years. */
export const instant = z
  .number()
  .int()
  .min(Date.UTC(FIRST_YEAR, 0, 1), `an instant from ${FIRST_YEAR} on`)
  .max(Date.UTC(LAST_YEAR + 1, 0, 1) - 1, `an instant up to ${LAST_YEAR}`);
