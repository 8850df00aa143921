// The analytics API's answers (docs/analytics.md): the server computes them in server/analytics/ and
// the staff app draws them, both against these one set of shapes.
import type { CounterState, PauseReason, TicketOutcome, TicketStatus } from './model';

export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface OutcomeTally {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  dayEnded: number;
  /** Visits transferred at least once. */
  transferred: number;
  recalled: number;
}

export interface OutcomeCounts extends OutcomeTally {
  servedRatio: number | null;
  noShowRate: number | null;
  cancelRate: number | null;
  /** Left without service: cancelled or still waiting when the day ended. */
  walkOutRate: number | null;
  transferRate: number | null;
}

export interface Outcomes {
  overall: OutcomeCounts;
  byService: ({ serviceId: string } & OutcomeCounts)[];
}

export interface Appointments {
  booked: OutcomeCounts;
  walkIn: OutcomeCounts;
  /** Share of all tickets that came from a booking. */
  bookedShare: number | null;
}

export interface Kpis {
  from: string;
  to: string;
  arrivals: number;
  served: number;
  meanWaitMinutes: number | null;
  medianWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  serviceLevel: number | null;
  noShowRate: number | null;
  walkOutRate: number | null;
  utilisation: number | null;
}

export type KpiName = Exclude<keyof Kpis, 'from' | 'to'>;

/** What the comparison sets beside the period: the same weekdays of the week(s) before, or the same dates a month / a year earlier. */
export const COMPARE_WITH = ['week', 'month', 'year'] as const;
export type CompareWith = (typeof COMPARE_WITH)[number];

export interface Comparison {
  compareWith: CompareWith;
  current: Kpis;
  previous: Kpis;
  /** current − previous, null where either side has no value. */
  change: Record<KpiName, number | null>;
}

export interface AccuracyRow {
  serviceId: string;
  error: Distribution;
  /** Share within ±ACCURATE_WITHIN_MINUTES (server/analytics/day-summary.ts), judged when the day is summarised. */
  accurateShare: number | null;
  /** Share that waited longer than promised by more than ACCURATE_WITHIN_MINUTES. */
  lateShare: number | null;
}

export interface EstimateAccuracy {
  overall: Omit<AccuracyRow, 'serviceId'>;
  byService: AccuracyRow[];
}

export interface LiveService {
  serviceId: string;
  waiting: number;
  longestWaitMinutes: number | null;
  countersOpen: number;
  serviceMinutes: number;
  targetMinutes: number;
}

export interface LiveCounter {
  counterId: string;
  number: number;
  status: CounterState['status'];
  operatorName: string | null;
  pauseReason: PauseReason | null;
  /** The ticket at the booth by its public reference: analytics never carry a ticket's id (the visitor's secret). */
  ticketRef: string | null;
  ticketCode: string | null;
  ticketStatus: TicketStatus | null;
  /** Minutes in the current state. */
  minutesInState: number;
}

export interface BreachAlert {
  /** The ticket's public reference, not its id. */
  ticketRef: string;
  code: string;
  serviceId: string;
  waitedMinutes: number;
  /** Total wait expected when called; null when no open counter serves the service. */
  predictedWaitMinutes: number | null;
  targetMinutes: number;
  /** Minutes until the target passes (negative once breached). */
  minutesLeft: number;
  state: 'at-risk' | 'breached';
}

/** One service's waiting visitors predicted to miss the target, for the booths that serve it. */
export interface ServiceBreachRisk {
  serviceId: string;
  /** Still within the target, but predicted to pass it before being called. */
  atRisk: number;
  /** Already past the target. */
  breached: number;
  /** Their ticket codes, the soonest to pass the target first. */
  codes: string[];
}

export interface LiveMonitor {
  at: number;
  services: LiveService[];
  counters: LiveCounter[];
  alerts: BreachAlert[];
}

export interface HeatCell {
  weekday: number;
  hour: number;
  arrivals: number;
  /** Days of that weekday in the period on which the office was open at that hour. */
  openDays: number;
  /** Arrivals per open day (arrivals ÷ openDays; 0 when openDays is 0). */
  meanArrivals: number;
}

export interface HourRow {
  hour: number;
  arrivals: number;
  served: number;
  /** Days of the period on which the office was open at that hour. */
  openDays: number;
  /** Per open day (÷ openDays). */
  meanArrivals: number;
  meanServed: number;
  /** Mean number of booths open (not paused) during that hour, per open day. */
  meanBoothsOpen: number;
}

export interface DayOfMonthRow {
  dayOfMonth: number;
  /** Totals over the period. */
  arrivals: number;
  served: number;
  /** Dates with this day of the month on which the office was open. */
  openDays: number;
  /** Per open day (÷ openDays), so a date that fell on an open day twice does not look twice as busy. */
  meanArrivals: number;
  meanServed: number;
}

export interface PeakHours {
  /** Days of the period on which the office was open at all. */
  workingDays: number;
  heatmap: HeatCell[];
  byHour: HourRow[];
  byDayOfMonth: DayOfMonthRow[];
}

export interface LevelCell {
  /** Visitors counted: called, or left after the target had passed. */
  counted: number;
  within: number;
  share: number | null;
}

export interface ServiceLevelRow {
  serviceId: string;
  walkInTargetMinutes: number | null;
  bookedTargetMinutes: number | null;
  walkIn: LevelCell;
  booked: LevelCell;
  all: LevelCell;
}

export interface ServiceLevel {
  overall: { walkIn: LevelCell; booked: LevelCell; all: LevelCell };
  byService: ServiceLevelRow[];
}

/** Utilisation = busy time ÷ logged-in time; above ~90 % burns people out, well below 75 % means too many booths. */
export const HEALTHY_UTILISATION = { low: 0.75, high: 0.85 } as const;
export const BURNOUT_UTILISATION = 0.9;

export type UtilisationBand = 'under' | 'healthy' | 'over' | 'burnout';

export interface SpecialistLoad {
  specialistId: string;
  served: number;
  /** Calls answered or not: every leg this specialist called. */
  handled: number;
  busyMinutes: number;
  openMinutes: number;
  idleMinutes: number;
  pausedMinutes: Record<PauseReason, number>;
  loggedInMinutes: number;
  utilisation: number | null;
  band: UtilisationBand | null;
}

export interface StaffingGoal {
  /** Wanted share within the target, e.g. 0.8. */
  serviceLevel: number;
  targetMinutes: number;
  /** Highest acceptable occupancy, e.g. 0.85. */
  maxOccupancy: number;
}

export interface StaffingOption {
  counters: number;
  probabilityOfWait: number;
  serviceLevel: number;
  averageWaitMinutes: number;
  occupancy: number;
  meetsGoal: boolean;
}

export interface StaffingSettings extends StaffingGoal {
  /** Share of rostered time lost to breaks, sickness, training: 0 ≤ shrinkage < 1. */
  shrinkage: number;
}

export interface StaffingCell {
  weekday: number;
  hour: number;
  /** Days of that weekday on which the office was open at that hour: what the means stand on. */
  openDays: number;
  /** Per open day. */
  arrivalsPerHour: number;
  serviceMinutes: number;
  /** Erlangs. */
  load: number;
  recommendedBooths: number;
  staffToRoster: number;
  /** The recommendation and its neighbours (one booth fewer, one more), each with its expected wait. */
  options: StaffingOption[];
  /** Per open day. */
  meanBoothsOpen: number;
  /** What the office actually achieved in this weekday × hour. */
  measuredServiceLevel: number | null;
}

export interface Staffing {
  settings: StaffingSettings;
  /** What `serviceMinutes` measures: booth time from the call to the finish, per arrival. */
  serviceBasis: 'occupied-per-arrival';
  /**
   * The service time Erlang C is fed, minutes: every booth's busy time (first call → end of each
   * leg: walk-up, recalls, no-shows included) ÷ arrivals; null when nothing occupied a booth.
   */
  serviceMinutes: number | null;
  /** Mean start → finish of the served legs, minutes, for comparison; null when nothing was served. */
  startToFinishMinutes: number | null;
  cells: StaffingCell[];
}

export interface TimesRow {
  key: string;
  wait: Distribution;
  service: Distribution;
}

export interface WaitTimes {
  overall: { wait: Distribution; service: Distribution };
  byService: TimesRow[];
  /** Key: local hour of arrival, '00'–'23'. */
  byHour: TimesRow[];
  /** Key: local date of arrival. */
  byDay: TimesRow[];
  /** Key: the specialist's user id ('unknown' when a device or the system called). */
  bySpecialist: TimesRow[];
}

export interface LongWait {
  /** The ticket's public reference, not its id. */
  ticketRef: string;
  code: string;
  serviceId: string;
  issuedAt: number;
  calledAt: number | null;
  waitMinutes: number;
  /** False when the visitor was never called (cancelled or the day ended). */
  called: boolean;
  booked: boolean;
  outcome: TicketOutcome | null;
}

/** Each report of /api/analytics/:report by name, with the result it answers. */
export interface AnalyticsReports {
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
}

export type AnalyticsReportName = keyof AnalyticsReports;
