// The entities server and clients share. Times are epoch milliseconds (UTC); a "service day" is the
// office's local calendar date, 'YYYY-MM-DD', in the office's time zone.

export const LANGUAGES = ['ru', 'uk', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Text in several languages; the office's default language is always present. */
export type LocalizedText = Partial<Record<Lang, string>>;

/** 'HH:MM', local office time. */
export type ClockTime = string;
/** 'YYYY-MM-DD', local office date. */
export type LocalDate = string;

export interface TimeRange {
  start: ClockTime;
  end: ClockTime;
}

export interface DayHours {
  open: ClockTime;
  close: ClockTime;
  breaks: TimeRange[];
}

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyRule {
  weekday: number;
  /** Only these occurrences of the weekday in the month (e.g. [2, 4]: the 2nd and 4th Saturday). */
  weeksOfMonth?: number[];
  hours: DayHours;
}

export type ScheduleException =
  | { date: LocalDate; closed: true; note?: string }
  | { date: LocalDate; closed?: false; hours: DayHours; note?: string };

export interface OfficeSchedule {
  weekly: WeeklyRule[];
  holidays: { date: LocalDate; name: string }[];
  exceptions: ScheduleException[];
  /** No new walk-in tickets this many minutes before closing. */
  cutoffMinutes: number;
}

export interface Office {
  name: LocalizedText;
  address: LocalizedText;
  phones: string[];
  timeZone: string;
  languages: Lang[];
  defaultLanguage: Lang;
  schedule: OfficeSchedule;
  rules: QueueRules;
  categories: PriorityCategory[];
  announcements: AnnouncementSettings;
  ticketLayout: TicketLayout;
  printing: PrintingSettings;
}

/** How long a print job may wait for its printer. */
export interface PrintingSettings {
  /** A job not printed by then never prints: the visitor has left the kiosk or the desk. */
  jobExpiryMinutes: number;
}

/** What the office prints on its tickets beyond the number, the service and the time. */
export interface TicketLayout {
  /** The office's own last line(s), per language; empty: «Ждите вызова на табло». */
  footer: LocalizedText;
  show: { address: boolean; peopleAhead: boolean; expectedWait: boolean; phones: boolean; qrCode: boolean };
  /** Print the office's logo (a PBM image at <data dir>/offices/<office id>/ticket-logo.pbm) at the top. */
  logo: boolean;
}

/** How calls are spoken in the hall. */
export interface AnnouncementSettings {
  /** Per language, e.g. «Талон номер {ticket}, пройдите к окну номер {counter}»; empty: Talon's own. */
  templates: LocalizedText;
  /** A folder of the office's own recordings under `<data dir>/voice-packs/`, instead of synthetic speech. */
  voicePack: string | null;
  /** Also speak each call on the server's own speakers (through `say`). */
  serverSpeakers: boolean;
}

export interface QueueRules {
  /** After this many recalls, a further recall turns the ticket into a no-show. */
  recallLimit: number;
  /** Minutes a postponed ticket waits in the shared pool before any counter may call it. */
  postponeMinutes: number;
  /** Optional fair mix: after `normal` ordinary calls, one priority call (and vice versa). */
  priorityRatio: { normal: number; priority: number } | null;
  /** A booked visitor becomes due this many minutes before the slot starts. */
  appointmentLeadMinutes: number;
}

/** An out-of-turn category (disability group, veteran …): a legal right, granted by staff. */
export interface PriorityCategory {
  id: string;
  name: LocalizedText;
}

export interface Service {
  id: string;
  name: LocalizedText;
  /** One letter or ''. */
  prefix: string;
  startNumber: number;
  endNumber: number;
  dailyLimit: number | null;
  targetWaitMinutes: number;
  bookedTargetWaitMinutes: number;
  /** A ticket waiting longer than this jumps the counter's service weights. */
  maxWaitMinutes: number;
  expectedServiceMinutes: number;
  kioskOrder: number;
  /** Services with the same group label share one kiosk button that opens a second level. */
  group: LocalizedText | null;
  active: boolean;
}

export type ServiceWeight = 'main' | 'secondary';

export interface Counter {
  id: string;
  number: number;
  name: LocalizedText;
  services: { serviceId: string; weight: ServiceWeight }[];
  zone: string;
  active: boolean;
  /** The booth's own lunch and technical breaks (staggered across booths), shown on its sign. */
  plannedBreaks: PlannedBreak[];
}

export interface PlannedBreak {
  kind: 'lunch' | 'technical';
  start: ClockTime;
  end: ClockTime;
}

/** `phone`: taken on the visitor's own phone from the office's join page (docs/phone-join.md). */
export type TicketSource = 'kiosk' | 'appointment' | 'staff' | 'phone';

export type Priority =
  | { kind: 'normal' }
  | { kind: 'booked'; appointmentId: string; slotStart: number }
  | { kind: 'category'; categoryId: string; grantedBy: string; reason: string };

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'postponed' | 'finished';
export type TicketOutcome = 'served' | 'no-show' | 'cancelled' | 'day-ended';
export type PrintState = 'not-requested' | 'pending' | 'printed' | 'failed';

/** Why a ticket was called: shown to staff and kept for managers. */
export type CallReason =
  | { kind: 'appointment'; slotStart: number }
  | { kind: 'category'; categoryId: string }
  | { kind: 'overdue'; waitedMinutes: number; maxWaitMinutes: number }
  | { kind: 'ratio' }
  | { kind: 'first-in-line'; serviceId: string; weight: ServiceWeight }
  | { kind: 'assigned-to-counter' }
  | { kind: 'postponed-due' }
  | { kind: 'chosen' };

export interface WaitEstimate {
  /** Waiting tickets of the same service that will be called before this one. */
  ahead: number;
  /**
   * Minutes until the call, counting the work of every ticket (of any service) the call order puts
   * first at the booths that serve this one; null when no such booth is open or has a planned return,
   * so nobody is promised a number that has nothing behind it.
   */
  waitMinutes: number | null;
  at: number;
}

export interface Ticket {
  /**
   * Random, and the visitor's secret (it lets them add an SMS or e-mail contact). What the hall and
   * the public receive has the ticket's public reference here instead (LiveTicket.ref).
   */
  id: string;
  serviceId: string;
  serviceDay: LocalDate;
  number: number;
  /** Prefix joined with number: 'А123' or '123'. */
  code: string;
  issuedAt: number;
  /** When the ticket (re)entered its current queue: the same as issuedAt unless returned or postponed. */
  queuedAt: number;
  source: TicketSource;
  priority: Priority;
  language: Lang;
  status: TicketStatus;
  outcome: TicketOutcome | null;
  /** The counter that holds it while called or serving. */
  counterId: string | null;
  /** Transferred to this specific counter: only it may call the ticket. */
  assignedCounterId: string | null;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  recalls: number;
  callReason: CallReason | null;
  postponedUntil: number | null;
  /** After a transfer with return: the service the ticket goes back to when done. */
  returnToServiceId: string | null;
  comment: string | null;
  print: PrintState;
  estimate: WaitEstimate | null;
  /** The request that made it: a retry by the same actor with the same id and content gets this ticket again. */
  request?: IssueRequestKey;
  /** Phone tickets: the random id the join page keeps in the phone's browser (counts its tickets; staff-only). */
  phoneId?: string;
  /**
   * A phone ticket waiting for its visitor's "I'm here": it stays in the postponed pool, never called
   * next, until then; past `until` (when set) it is dropped as a no-show.
   */
  awaitingArrival?: { until: number | null };
}

/** A client's request id, scoped to who sent it and what it asked for. */
export interface IssueRequestKey {
  id: string;
  /** `device:<id>` or `user:<id>`: an id is only ever the sender's own. */
  actor: string;
  serviceId: string;
  language: Lang | null;
}

export type PauseReason = 'lunch' | 'technical' | 'other';

export interface CounterState {
  counterId: string;
  status: 'closed' | 'open' | 'paused';
  operatorId: string | null;
  operatorName: string | null;
  /** `until`: the planned return (from the booth's planned break or the minutes given); absent when unknown. */
  pause: { reason: PauseReason; note: string; since: number; until?: number } | null;
  ticketId: string | null;
  since: number;
  /** Consecutive calls of one kind, for the optional priority ratio. */
  streak: { kind: 'normal' | 'priority'; count: number };
}

/** An office's id: a slug, because it is part of every URL (`/api/offices/<id>/…`) and socket namespace (offices.ts). */
export type OfficeId = string;

/** A role inside one office; an analyst reads the office's analytics and nothing else. */
export type Role = 'admin' | 'manager' | 'operator' | 'consultant' | 'analyst';
export const ROLES: readonly Role[] = ['admin', 'manager', 'operator', 'consultant', 'analyst'];

export const ORGANISATION_ROLES = ['regional-admin', 'regional-analyst'] as const;
/** Roles across every office: a regional admin acts as admin in each, a regional analyst as analyst. */
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** A person's role in one office. */
export interface OfficeRole {
  officeId: OfficeId;
  role: Role;
}

/** A staff account: its roles in offices, and an organisation role that covers every office. */
export interface User {
  id: string;
  login: string;
  name: string;
  active: boolean;
  organisationRole: OrganisationRole | null;
  offices: OfficeRole[];
}

/** A person acting inside one office, with the role they have there (see docs/api.md, "Who is asking"). */
export interface OfficeUser extends User {
  role: Role;
}

export type DeviceKind = 'kiosk' | 'display' | 'print-agent';

export interface Device {
  id: string;
  /** A device belongs to one office and works only there. */
  officeId: OfficeId;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  revoked: boolean;
  settings: Record<string, unknown>;
  /** Print agents only: the printer model and paper it last reported; absent until it reports. */
  printer?: DevicePrinter;
}

export interface DevicePrinter {
  model: string;
  paper: string;
}

/** Who did something: a person, a device or the system itself (day rollover). */
export type Actor =
  | { kind: 'user'; id: string; role: Role }
  | { kind: 'device'; id: string; deviceKind: DeviceKind }
  | { kind: 'public' }
  | { kind: 'system' };
