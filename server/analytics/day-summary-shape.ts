// The shape of one day's summary (day-summary.ts builds it; the reports and the store read it),
// apart from the code that builds it so the measures the builder uses can name it too.
import type { LocalDate } from '../../common/protocol';
import type { Distribution, LongWait, OutcomeTally } from '../../common/protocol/analytics';
import type { HistogramFamily } from './histogram';

export type VisitorKind = 'booked' | 'walk-in';
/** One of the longest waits as the summary keeps it: by the ticket's id, which the report turns into its reference. */
export type KeptLongWait = Omit<LongWait, 'ticketRef'> & { ticketId: string };
/** Issued service, walk-in or booked, local hour of arrival. */
export type ServiceKindHour = [serviceId: string, kind: VisitorKind, hour: number];
export type ServiceHour = [serviceId: string, hour: number];
export type Specialist = [specialistId: string];
export type ServiceOnly = [serviceId: string];

export interface VisitSummary {
  arrivalsByHour: number[];
  /** Served visits by local hour and day of month of finishing (a visit may finish after midnight). */
  servedByHour: number[];
  servedByDayOfMonth: Record<number, number>;
  /** Per issued service. */
  outcomes: Record<string, OutcomeTally>;
  appointments: { booked: OutcomeTally; walkIn: OutcomeTally };
  waits: HistogramFamily<ServiceKindHour>;
  /** Never called: how long until they left, for the service level. */
  abandoned: HistogramFamily<ServiceKindHour>;
  /** By the first leg's specialist. */
  waitsBySpecialist: HistogramFamily<Specialist>;
  /** Per leg: the leg's service and the visit's hour of arrival. */
  serviceTimes: HistogramFamily<ServiceHour>;
  serviceTimesBySpecialist: HistogramFamily<Specialist>;
  /** Actual minus promised wait, per issued service. */
  estimateErrors: HistogramFamily<ServiceOnly>;
  estimateShares: Record<string, { accurate: number; late: number }>;
  /** The day's own distributions, exact. */
  day: { wait: Distribution; service: Distribution };
  specialists: Record<string, { served: number; handled: number; busyMs: number }>;
  /** Longest first; up to LONGEST_KEPT, or fewer where a reader asked only for the head. */
  longest: KeptLongWait[];
}

export interface StaffTime {
  open: number;
  lunch: number;
  technical: number;
  other: number;
}

/** One counter's day: booth time open per local hour, and staffed time per specialist, in ms. */
export interface CounterDay {
  /** Whole ms (journal instants are), at most an hour each: 32-bit integers store half the bytes. */
  openMsByHour: Int32Array;
  bySpecialist: Record<string, StaffTime>;
}

export interface DaySummary {
  date: LocalDate;
  /** The visits issued that day (all of them, or those of one service's scope). */
  visits: VisitSummary;
  counters: Record<string, CounterDay>;
}
