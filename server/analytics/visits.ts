// The plain records every report works on: one Visit per ticket (with one leg per queue the ticket
// stood in) and the intervals each counter was open or paused. They are rebuilt from the journal,
// which records every transition, because the tickets table keeps only a ticket's latest state.
import type { EventKind, PauseReason, Priority, TicketOutcome, TicketSource } from '../../common/protocol';

export type LegEnd = TicketOutcome | 'transferred' | 'returned' | 'postponed';

/** One stay in one queue and, if called, at one counter. */
export interface VisitLeg {
  serviceId: string;
  queuedAt: number;
  counterId: string | null;
  specialistId: string | null;
  firstCalledAt: number | null;
  /** The last call: a recall moves it. */
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  end: LegEnd | null;
  recalls: number;
}

export interface Visit {
  ticketId: string;
  code: string;
  issuedServiceId: string;
  source: TicketSource;
  priorityKind: Priority['kind'];
  /** Booked visitors only: the start of their slot. */
  slotStart: number | null;
  issuedAt: number;
  /** The wait printed on the ticket at issue, when one was promised. */
  promisedWaitMinutes: number | null;
  /** The last call while in the first queue; null if never called there. */
  calledAt: number | null;
  outcome: TicketOutcome | null;
  finishedAt: number | null;
  transfers: number;
  legs: VisitLeg[];
}

/** What the tickets table knows about a ticket at issue. */
export type TicketFacts = Pick<
  Visit,
  'ticketId' | 'code' | 'issuedServiceId' | 'source' | 'priorityKind' | 'slotStart' | 'issuedAt' | 'promisedWaitMinutes'
>;

/** One journal row about a ticket, as the store reads it. */
export interface TicketEvent {
  at: number;
  kind: EventKind;
  counterId: string | null;
  actor: string;
  to: string | null;
}

export function userIdOf(actor: string): string | null {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : null;
}

function newLeg(serviceId: string, queuedAt: number): VisitLeg {
  return { serviceId, queuedAt, counterId: null, specialistId: null, firstCalledAt: null, calledAt: null, startedAt: null, endedAt: null, end: null, recalls: 0 };
}

/** Replays a ticket's journal rows (oldest first) into a Visit. */
export function buildVisit(facts: TicketFacts, events: readonly TicketEvent[]): Visit {
  const legs = [newLeg(facts.issuedServiceId, facts.issuedAt)];
  let outcome: TicketOutcome | null = null;
  let finishedAt: number | null = null;
  let transfers = 0;
  for (const event of events) {
    const leg = legs[legs.length - 1]!;
    switch (event.kind) {
      case 'ticket-called':
        leg.counterId = event.counterId;
        leg.specialistId = userIdOf(event.actor);
        leg.firstCalledAt ??= event.at;
        leg.calledAt = event.at;
        break;
      case 'ticket-recalled':
        leg.calledAt = event.at;
        leg.recalls += 1;
        break;
      case 'ticket-started':
        leg.startedAt = event.at;
        break;
      case 'ticket-finished':
        leg.endedAt = event.at;
        leg.end = event.to as TicketOutcome;
        outcome = event.to as TicketOutcome;
        finishedAt = event.at;
        break;
      case 'ticket-transferred':
      case 'ticket-returned':
      case 'ticket-postponed': {
        leg.endedAt = event.at;
        leg.end = event.kind === 'ticket-transferred' ? 'transferred' : event.kind === 'ticket-returned' ? 'returned' : 'postponed';
        if (event.kind === 'ticket-transferred') transfers += 1;
        // A transfer to a named counter keeps the service; to a service, the ticket changes queue.
        const toService = event.kind === 'ticket-transferred' && event.to && !event.to.startsWith('counter:') ? event.to : leg.serviceId;
        legs.push(newLeg(toService, event.at));
        break;
      }
      default:
        break;
    }
  }
  return { ...facts, calledAt: legs[0]!.calledAt, outcome, finishedAt, transfers, legs };
}

export type CounterActivity = 'open' | 'paused';

/** A stretch of time a counter was staffed: open (serving or idle) or on a pause. */
export interface CounterInterval {
  counterId: string;
  specialistId: string | null;
  state: CounterActivity;
  pauseReason: PauseReason | null;
  from: number;
  to: number;
}

/** One journal row about a counter. */
export interface CounterEvent {
  at: number;
  kind: EventKind;
  counterId: string;
  actor: string;
  from: string | null;
  note: string | null;
}

const PAUSE_REASONS: readonly PauseReason[] = ['lunch', 'technical', 'other'];
/** The note the day rollover writes when it closes a counter someone forgot: not a real closing time. */
export const ROLLOVER_NOTE = 'service day ended';

function pauseReasonOf(note: string | null): PauseReason {
  const word = (note ?? '').split(':')[0]!.trim() as PauseReason;
  return PAUSE_REASONS.includes(word) ? word : 'other';
}

/**
 * Counter events of one local day (oldest first) into intervals within [dayStart, dayEnd). A counter
 * still open at the end is cut at dayEnd: a booth forgotten overnight was not staffed overnight.
 */
export function buildCounterIntervals(events: readonly CounterEvent[], dayStart: number, dayEnd: number): CounterInterval[] {
  const intervals: CounterInterval[] = [];
  const current = new Map<string, Omit<CounterInterval, 'to'>>();
  const seen = new Set<string>();
  const close = (counterId: string, at: number) => {
    const open = current.get(counterId);
    if (open && at > open.from) intervals.push({ ...open, to: Math.min(at, dayEnd) });
    current.delete(counterId);
  };
  for (const event of events) {
    if (event.note === ROLLOVER_NOTE) continue;
    const { counterId, at } = event;
    if (!seen.has(counterId)) {
      seen.add(counterId);
      // Open since before the day began (an office working through midnight).
      if (event.kind !== 'counter-opened' && (event.from === 'open' || event.from === 'paused')) {
        const state = event.from;
        current.set(counterId, { counterId, specialistId: userIdOf(event.actor), state, pauseReason: state === 'paused' ? 'other' : null, from: dayStart });
      }
    }
    const before = current.get(counterId);
    const specialistId = event.kind === 'counter-opened' ? userIdOf(event.actor) : (before?.specialistId ?? userIdOf(event.actor));
    close(counterId, at);
    if (event.kind === 'counter-opened' || event.kind === 'counter-resumed') {
      current.set(counterId, { counterId, specialistId, state: 'open', pauseReason: null, from: at });
    } else if (event.kind === 'counter-paused') {
      current.set(counterId, { counterId, specialistId, state: 'paused', pauseReason: pauseReasonOf(event.note), from: at });
    }
  }
  for (const counterId of [...current.keys()]) close(counterId, dayEnd);
  return intervals.sort((a, b) => a.from - b.from);
}
