// Numbers, shares, minutes and weekday names in the screen language, for tables and chart labels.
// Intl does the work; a missing value (no visitors to measure) shows as a dash, never as 0.
import type { Lang } from '../../../common/protocol';

export interface AnalyticsFormat {
  /** Whole numbers with grouping: 12 345. */
  count(value: number | null | undefined): string;
  /** One decimal at most: 12.3. */
  decimal(value: number | null | undefined): string;
  /** A share 0–1 as a percentage: 84 %. */
  percent(value: number | null | undefined): string;
  /** ISO weekday 1–7 → Mon … Sun. */
  weekday(iso: number, width?: 'short' | 'long'): string;
  /** A local date 'YYYY-MM-DD' as the language writes it. */
  date(value: string): string;
  /** Two-digit hour: 09. */
  hour(hour: number): string;
}

const DASH = '—';

export function analyticsFormat(lang: Lang): AnalyticsFormat {
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const weekdays = {
    short: new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }),
  };
  const present = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  return {
    count: (v) => (present(v) ? count.format(v) : DASH),
    decimal: (v) => (present(v) ? decimal.format(v) : DASH),
    percent: (v) => (present(v) ? percent.format(v) : DASH),
    // 1 January 2024 was a Monday.
    weekday: (iso, width = 'short') => weekdays[width].format(Date.UTC(2024, 0, iso)),
    date: (value) => dates.format(Date.parse(`${value}T00:00:00Z`)),
    hour: (hour) => String(hour).padStart(2, '0'),
  };
}
