// The live queue the domain works on, and the configuration it works under. Finished tickets leave
// the state (the store keeps them); only today's open tickets stay.
import type { Actor, Counter, CounterState, LocalDate, Office, Service, Ticket } from '../../common/protocol';
import type { EventKind } from '../../common/protocol';

export interface ServiceNumbering {
  day: LocalDate;
  last: number;
  issued: number;
}

export interface QueueState {
  tickets: ReadonlyMap<string, Ticket>;
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
  return { tickets: new Map(), counters: new Map(), numbering: new Map(), serviceDurations: new Map() };
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

export function withTicket(state: QueueState, ticket: Ticket): QueueState {
  const tickets = new Map(state.tickets);
  if (ticket.status === 'finished') tickets.delete(ticket.id);
  else tickets.set(ticket.id, ticket);
  return { ...state, tickets };
}

export function withCounter(state: QueueState, counter: CounterState): QueueState {
  const counters = new Map(state.counters);
  counters.set(counter.counterId, counter);
  return { ...state, counters };
}

export function counterStateOf(state: QueueState, counterId: string, now: number): CounterState {
  return state.counters.get(counterId) ?? closedCounter(counterId, now);
}
