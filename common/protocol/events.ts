// What the server pushes: a full snapshot on connect, then sequenced events. A client that sees a
// gap in `seq` (or reconnects) asks for a new snapshot; `applyQueueEvent` is the one reducer
// every client uses.
import type { ServiceBreachRisk } from './analytics';
import type { DevicePresence } from './presence';
import type { Counter, CounterState, Lang, LocalDate, LocalizedText, PriorityCategory, QueueRules, Service, Ticket } from './model';
import type { PrinterInfo, PrintJob, PrintPublicUrl } from './printing';

export const EVENT_KINDS = [
  'ticket-issued',
  'ticket-called',
  'ticket-recalled',
  'ticket-started',
  'ticket-finished',
  'ticket-returned',
  'ticket-postponed',
  'ticket-transferred',
  'ticket-category-granted',
  'ticket-print',
  'ticket-arrived',
  'counter-opened',
  'counter-paused',
  'counter-resumed',
  'counter-closed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface QueueEvent {
  /** The journal row id: durable, strictly increasing, one per event. */
  seq: number;
  at: number;
  kind: EventKind;
  /** The ticket as it is after the event. */
  ticket?: Ticket;
  /** The counter as it is after the event. */
  counter?: CounterState;
}

export interface OfficeStatus {
  state: 'open' | 'break' | 'closed';
  /** Open but no new walk-in tickets: within the cut-off before closing. */
  issuing: boolean;
  /** When the current state ends (break ends, office closes), if known. */
  until: number | null;
  /** The next opening, when closed or on a break. */
  nextOpen: number | null;
}

export interface PublicOffice {
  name: LocalizedText;
  address: LocalizedText;
  phones: string[];
  timeZone: string;
  languages: Lang[];
  defaultLanguage: Lang;
  categories: PriorityCategory[];
  /** Queue rules (recall limit, postponement minutes …): staff screens show the office's defaults. */
  rules: QueueRules;
}

/** One call as the hall sees it. */
export interface CallRecord {
  /** For the hall and the public, the ticket's public reference (LiveTicket.ref), never its id. */
  ticketId: string;
  code: string;
  serviceId: string;
  counterId: string;
  at: number;
  recall: boolean;
  seq: number;
}

export interface QueueSnapshot {
  seq: number;
  serverTime: number;
  serviceDay: string;
  office: PublicOffice;
  officeStatus: OfficeStatus;
  services: Service[];
  counters: Counter[];
  counterStates: CounterState[];
  /** Today's tickets that are not finished. */
  tickets: Ticket[];
  /** The latest calls, newest first. */
  recentCalls: CallRecord[];
}

export const RECENT_CALLS_KEPT = 20;

/** The latest calls after this event: a call or recall goes on top, anything else changes nothing. */
export function withRecentCall(recentCalls: CallRecord[], event: QueueEvent): CallRecord[] {
  const { ticket } = event;
  if (!ticket?.counterId || (event.kind !== 'ticket-called' && event.kind !== 'ticket-recalled')) return recentCalls;
  const call: CallRecord = {
    ticketId: ticket.id,
    code: ticket.code,
    serviceId: ticket.serviceId,
    counterId: ticket.counterId,
    at: event.at,
    recall: event.kind === 'ticket-recalled',
    seq: event.seq,
  };
  return [call, ...recentCalls].slice(0, RECENT_CALLS_KEPT);
}

/** Applies one event to a snapshot, returning a new snapshot. Pure, shared by every client. */
export function applyQueueEvent(snapshot: QueueSnapshot, event: QueueEvent): QueueSnapshot {
  let { tickets, counterStates } = snapshot;
  const { ticket, counter } = event;
  const recentCalls = withRecentCall(snapshot.recentCalls, event);
  if (ticket) {
    const others = tickets.filter((t) => t.id !== ticket.id);
    tickets = ticket.status === 'finished' ? others : [...others, ticket];
  }
  if (counter) {
    counterStates = counterStates.map((c) => (c.counterId === counter.counterId ? counter : c));
    if (!counterStates.some((c) => c.counterId === counter.counterId)) counterStates = [...counterStates, counter];
  }
  return { ...snapshot, seq: event.seq, tickets, counterStates, recentCalls };
}

/** Which day's bookings changed (the office's local date). */
export interface AppointmentsChanged {
  day: LocalDate;
}

export interface ServerToClientEvents {
  'queue:snapshot': (snapshot: QueueSnapshot) => void;
  'queue:event': (event: QueueEvent) => void;
  'office:status': (status: OfficeStatus) => void;
  /** Configuration changed: services, counters or office. Clients resync. */
  'config:changed': () => void;
  /** To staff: every registered device that was seen since the server started, online or not. */
  'devices:presence': (devices: DevicePresence[]) => void;
  /** To one print agent: a job to print (again after a reconnect, until the agent reports it). */
  'print:job': (job: PrintJob) => void;
  /**
   * To booth staff (operators, managers, admins; never consultants, devices or the public): the
   * services with waiting visitors predicted to miss their target, whenever that changes.
   */
  'alerts:breach-risk': (risks: ServiceBreachRisk[]) => void;
  /** To a kiosk on connect: the server's public URL, for the QR code of a ticket that did not print. */
  'print:public-url': (url: PrintPublicUrl) => void;
  /** To staff: a printer's latest state, whenever it changes. */
  'printer:status': (printer: PrinterInfo) => void;
  /**
   * To the office's staff only (never the public: a booking is personal data, and so is its day's
   * traffic): a booking of this day was made, moved or cancelled; views of that day read it again.
   * A move across days is told for both.
   */
  'appointments:changed': (change: AppointmentsChanged) => void;
}
