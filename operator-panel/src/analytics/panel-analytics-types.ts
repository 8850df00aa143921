// The analytics API's answers as the panel reads them (docs/analytics.md), and the two office
// reports that live beside it (visit journal, ratings; docs/api.md). The shapes are the server's own
// types, imported for type-checking only and erased from the bundle, so the panel and the server
// cannot drift apart unnoticed.
import type { RatingsReport, VisitJournalReport } from '../../../common/protocol';
import type { Appointments, Outcomes } from '../../../server/analytics/outcomes';
import type { Comparison, KpiName, Kpis } from '../../../server/analytics/comparison';
import type { Distribution } from '../../../server/analytics/distribution';
import type { EstimateAccuracy } from '../../../server/analytics/estimate-accuracy';
import type { BreachAlert, LiveMonitor } from '../../../server/analytics/live-monitor';
import type { PeakHours } from '../../../server/analytics/peak-hours';
import type { ServiceLevel } from '../../../server/analytics/service-level';
import type { SpecialistLoad } from '../../../server/analytics/specialist-load';
import type { Staffing, StaffingCell } from '../../../server/analytics/staffing';
import type { LongWait, TimesRow, WaitTimes } from '../../../server/analytics/wait-times';
import type { ReportName as AnalyticsReportName } from '../../../server/analytics/reports';

export type { BreachAlert, Comparison, Distribution, KpiName, Kpis, LiveMonitor, LongWait, StaffingCell, TimesRow };

/** Reports over a period outside /api/analytics: they answer the bare report, always for the whole office. */
export type OfficeReportName = 'visit-journal' | 'ratings';

export type ReportName = AnalyticsReportName | OfficeReportName;

export interface ReportResults {
  'peak-hours': PeakHours;
  'wait-times': WaitTimes;
  'service-level': ServiceLevel;
  outcomes: Outcomes;
  'longest-waits': LongWait[];
  'specialist-load': (SpecialistLoad & { name: string | null })[];
  appointments: Appointments;
  'estimate-accuracy': EstimateAccuracy;
  comparison: Comparison;
  staffing: Staffing;
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
