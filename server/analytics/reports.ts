// The catalogue of reports the API serves: how each is computed from the records and how it
// flattens to a table. The route and its CSV download are generated from this one list.
import type { AnalyticsReportName, CompareWith, StaffingSettings } from '../../common/protocol/analytics';
import { compare } from './comparison';
import type { Table } from './csv';
import { estimateAccuracy } from './estimate-accuracy';
import type { ReportInput } from './measures';
import { appointments, outcomes } from './outcomes';
import { peakHours } from './peak-hours';
import * as tables from './report-tables';
import { serviceLevel } from './service-level';
import { specialistLoad } from './specialist-load';
import { staffingAdvice } from './staffing';
import { longestWaits, waitTimes } from './wait-times';

export interface ReportContext {
  input: ReportInput;
  /** The period `input`'s is compared with (aligned-periods.ts); only filled for reports that ask for it. */
  previous: ReportInput | null;
  compareWith: CompareWith;
  staffing: StaffingSettings;
  /** Rows for list reports (longest waits). */
  limit: number;
  staffNames: ReadonlyMap<string, string>;
}

export interface ReportResult {
  data: unknown;
  table(): Table;
}

export interface ReportDefinition {
  needsPrevious: boolean;
  produce(context: ReportContext): ReportResult;
}

/** Pairs a computation with its table, keeping the result's type between the two. */
function report<R>(run: (c: ReportContext) => R, table: (r: R) => Table, needsPrevious = false): ReportDefinition {
  return {
    needsPrevious,
    produce: (context) => {
      const data = run(context);
      return { data, table: () => table(data) };
    },
  };
}

export const REPORTS = {
  'peak-hours': report((c) => peakHours(c.input), tables.peakHoursTable),
  'wait-times': report((c) => waitTimes(c.input), tables.waitTimesTable),
  'service-level': report((c) => serviceLevel(c.input), tables.serviceLevelTable),
  outcomes: report((c) => outcomes(c.input), tables.outcomesTable),
  'longest-waits': report((c) => longestWaits(c.input, c.limit), tables.longestWaitsTable),
  'specialist-load': report(
    (c) => specialistLoad(c.input).map((s) => ({ ...s, name: c.staffNames.get(s.specialistId) ?? null })),
    tables.specialistLoadTable,
  ),
  appointments: report((c) => appointments(c.input), tables.appointmentsTable),
  'estimate-accuracy': report((c) => estimateAccuracy(c.input), tables.estimateAccuracyTable),
  comparison: report((c) => compare(c.input, c.previous!, c.compareWith), tables.comparisonTable, true),
  staffing: report((c) => staffingAdvice(c.input, c.staffing), tables.staffingTable),
} satisfies Record<AnalyticsReportName, ReportDefinition>;

export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];
