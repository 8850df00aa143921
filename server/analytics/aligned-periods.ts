// The period a comparison sets beside the chosen one, like with like, as the office's own daily,
// weekly and monthly reports do: the same weekdays of the week(s) before (Mon–Wed against last
// week's Mon–Wed, never the preceding Fri–Sun), or the same dates of the previous month or year.
import type { LocalDate } from '../../common/protocol';
import type { CompareWith } from '../../common/protocol/analytics';
import { addDays, dayOfMonth } from '../../common/time/calendar';
import { datesOf, type ReportInput } from './measures';

type Period = ReportInput['period'];

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isMonthEnd(date: LocalDate): boolean {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return dayOfMonth(date) === daysInMonth(year, month);
}

/** The same date `months` months earlier, clamped to that month's last day (31 March → 29 February), or that last day itself. */
function monthsBefore(date: LocalDate, months: number, toMonthEnd: boolean): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = daysInMonth(y, m);
  return `${y}-${pad(m)}-${pad(toMonthEnd ? last : Math.min(day, last))}`;
}

/**
 * `week`: shifted back by whole weeks, as few as cover the period, so every date keeps its weekday.
 * `month` / `year`: the same dates one month / twelve months back, clamped at month end; a period of
 * whole months is set beside whole months (April against all of March, February 2025 against 1–29 February 2024).
 */
export function previousPeriod(period: Period, compareWith: CompareWith): Period {
  if (compareWith === 'week') {
    const shift = 7 * Math.ceil(datesOf(period).length / 7);
    return { from: addDays(period.from, -shift), to: addDays(period.to, -shift) };
  }
  const months = compareWith === 'month' ? 1 : 12;
  const wholeMonths = dayOfMonth(period.from) === 1 && isMonthEnd(period.to);
  return { from: monthsBefore(period.from, months, false), to: monthsBefore(period.to, months, wholeMonths) };
}
