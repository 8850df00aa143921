// What a report is asked for: the office, a period (typed in, or one of the presets counted in the
// office's time zone), an optional service, and for the staffing advisor its goal. Builds the API's URLs.
import type { LocalDate } from '../../../common/protocol';
import { officeApiPath, type OfficeId } from '../../../common/protocol/offices';
import { api } from '../../../common/ui/api';
import { addDays, isoWeekday } from '../../../common/time/calendar';
import type { OfficeReportName, ReportAnswer, ReportName, ReportResults } from './panel-analytics-types';
import type { Result } from '../../../common/protocol';

const OFFICE_REPORT_PATHS = {
  'visit-journal': '/visit-journal/report',
  ratings: '/ratings/report',
} as const satisfies Record<OfficeReportName, string>;

function isOfficeReport(name: ReportName): name is OfficeReportName {
  return name in OFFICE_REPORT_PATHS;
}

export const PERIOD_PRESETS = ['today', 'thisWeek', 'thisMonth', 'last30Days', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

export interface AnalyticsFilters extends Period {
  officeId: OfficeId;
  serviceId: string | null;
}

/** Every preset ends today (the office's today), so "this month" is the month so far. */
export function presetPeriod(preset: PeriodPreset, today: LocalDate): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'thisWeek':
      return { from: addDays(today, 1 - isoWeekday(today)), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last30Days':
      return { from: addDays(today, -29), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 5)}01-01`, to: today };
  }
}

/** The preset that gives exactly this period today, if any: its button shows as chosen. */
export function presetOf(period: Period, today: LocalDate): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

export type ExtraQuery = Readonly<Record<string, string | number>>;

/** Office reports take no service: they always cover the whole office. */
export function reportPath(name: ReportName, filters: AnalyticsFilters, extra: ExtraQuery = {}, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.serviceId && !isOfficeReport(name)) query.set('serviceId', filters.serviceId);
  for (const [key, value] of Object.entries(extra)) query.set(key, String(value));
  if (format === 'csv') query.set('format', 'csv');
  return officeApiPath(filters.officeId, `${isOfficeReport(name) ? OFFICE_REPORT_PATHS[name] : `/analytics/${name}`}?${query.toString()}`);
}

/** Every report as the analytics API answers it; an office report's bare answer is wrapped the same way. */
export async function fetchReport<K extends ReportName>(name: K, filters: AnalyticsFilters, extra: ExtraQuery = {}): Promise<Result<ReportAnswer<K>>> {
  if (!isOfficeReport(name)) return api<ReportAnswer<K>>(reportPath(name, filters, extra));
  const answer = await api<ReportResults[K] & { period: { from: string; to: string } }>(reportPath(name, filters, extra));
  return answer.ok ? { ok: true, data: { report: name, period: answer.data.period, serviceId: null, result: answer.data } } : answer;
}
