// The live queue the domain works on, and the configuration it works under. Finished tickets leave
// the state (the store keeps them); only today's open tickets stay.
import type { Actor, Counter, CounterState, LocalDate, Office, Service, Ticket } from '../../common/protocol';
import type { EventKind } from '../../common/protocol';
import { PersistentMap } from './persistent-map';

export interface ServiceNumbering {
  day: LocalDate;
  last: number;
  issued: number;
}

export interface QueueState {
  tickets: PersistentMap<Ticket>;
  /**
   * How many stand in line per service (waiting, not sent to one counter): kept with every change so
   * a new ticket's "people ahead" costs nothing, however long the queue.
   */
  inLine: ReadonlyMap<string, number>;
  counters: ReadonlyMap<string, CounterState>;
  numbering: ReadonlyMap<string, ServiceNumbering>;
  /** Recent service durations per service, newest last, for wait estimates. */
  serviceDurations: ReadonlyMap<string, readonly number[]>;
}

export interface QueueConfig {
  office: Office;
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<string, Counter>;
}

export interface CommandContext {
  now: number;
  actor: Actor;
  /** Display name of the acting person, kept on the counter they open. */
  actorName?: string;
  /** Unguessable ids for new tickets: randomness is the caller's, the domain stays pure. */
  newId: () => string;
}

/** One journal row to be: what happened to which ticket or counter. */
export interface Change {
  kind: EventKind;
  ticketId?: string;
  counterId?: string;
  from?: string;
  to?: string;
  note?: string;
  /** The ticket as it is after the change (finished tickets leave the state, so they ride here). */
  ticket?: Ticket;
  /** The counter as it is after the change. */
  counter?: CounterState;
}

export const SERVICE_DURATIONS_KEPT = 20;

export function emptyState(): QueueState {
  return { tickets: PersistentMap.empty(), inLine: new Map(), counters: new Map(), numbering: new Map(), serviceDurations: new Map() };
}

export function closedCounter(counterId: string, now: number): CounterState {
  return {
    counterId,
    status: 'closed',
    operatorId: null,
    operatorName: null,
    pause: null,
    ticketId: null,
    since: now,
    streak: { kind: 'normal', count: 0 },
  };
}

export function standsInLine(ticket: Ticket): boolean {
  return ticket.status === 'waiting' && ticket.assignedCounterId === null;
}

/** The line counts after `before` became `after` (either may be absent: issued, finished). */
export function lineCountsAfter(inLine: ReadonlyMap<string, number>, before: Ticket | undefined, after: Ticket | undefined): ReadonlyMap<string, number> {
  const was = before && standsInLine(before) ? before.serviceId : null;
  const is = after && standsInLine(after) ? after.serviceId : null;
  if (was === is) return inLine;
  const counts = new Map(inLine);
  if (was) counts.set(was, (counts.get(was) ?? 1) - 1);
  if (is) counts.set(is, (counts.get(is) ?? 0) + 1);
  return counts;
}

export function countInLine(tickets: Iterable<Ticket>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ticket of tickets) if (standsInLine(ticket)) counts.set(ticket.serviceId, (counts.get(ticket.serviceId) ?? 0) + 1);
  return counts;
}

export function withTicket(state: QueueState, ticket: Ticket): QueueState {
  const tickets = ticket.status === 'finished' ? state.tickets.delete(ticket.id) : state.tickets.set(ticket.id, ticket);
  return { ...state, tickets, inLine: lineCountsAfter(state.inLine, state.tickets.get(ticket.id), ticket) };
}

export function withCounter(state: QueueState, counter: CounterState): QueueState {
  const counters = new Map(state.counters);
  counters.set(counter.counterId, counter);
  return { ...state, counters };
}

export function counterStateOf(state: QueueState, counterId: string, now: number): CounterState {
  return state.counters.get(counterId) ?? closedCounter(counterId, now);
}
