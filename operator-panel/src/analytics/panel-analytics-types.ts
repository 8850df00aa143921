// The analytics API's answers as the panel reads them (docs/analytics.md), and the two office
// reports that live beside it (visit journal, ratings; docs/api.md). The shapes are the shared
// contract in common/protocol/analytics.ts, the same types the server computes, so the panel and
// the server cannot drift apart unnoticed.
import type { RatingsReport, VisitJournalReport } from '../../../common/protocol';
import type { AnalyticsReportName, AnalyticsReports, BreachAlert, Comparison, Distribution, KpiName, Kpis, LiveMonitor, LongWait, StaffingCell, TimesRow } from '../../../common/protocol/analytics';

export type { BreachAlert, Comparison, Distribution, KpiName, Kpis, LiveMonitor, LongWait, StaffingCell, TimesRow };

/** Reports over a period outside /api/analytics: they answer the bare report, always for the whole office. */
export type OfficeReportName = 'visit-journal' | 'ratings';

export type ReportName = AnalyticsReportName | OfficeReportName;

export interface ReportResults extends AnalyticsReports {
  'visit-journal': VisitJournalReport;
  ratings: RatingsReport;
}

export interface ReportAnswer<K extends ReportName> {
  report: K;
  period: { from: string; to: string };
  serviceId: string | null;
  result: ReportResults[K];
}

/** The staffing goal the advisor's form edits; the API's own names for the query. */
export interface StaffingQuery {
  slGoal: number;
  targetMinutes: number;
  maxOccupancy: number;
  shrinkage: number;
}
