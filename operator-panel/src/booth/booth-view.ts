// What a booth's screen shows, derived from the snapshot alone: the booth's state, the ticket it
// holds, the queue of each service it serves, tickets transferred to it by name, and the shared
// pool of postponed tickets. Pure, so every element agrees on the same picture.
import type { Counter, CounterState, QueueSnapshot, Service, ServiceWeight, Ticket } from '../../../common/protocol';

const MINUTE = 60_000;
/** A booked visitor counts as "due soon" this long before the slot starts. */
export const BOOKED_SOON_MINUTES = 30;

export interface ServiceQueue {
  service: Service;
  weight: ServiceWeight;
  /** Waiting tickets, longest-waiting first (by original issue time, which a transfer keeps). */
  waiting: Ticket[];
  longestWaitMinutes: number | null;
  bookedSoon: Ticket[];
}

export interface BoothView {
  counter: Counter;
  state: CounterState;
  held: Ticket | null;
  queues: ServiceQueue[];
  /** Transferred to this very booth: only it may call them. */
  assigned: Ticket[];
  /** Every postponed ticket in the office, soonest due first: the pool is shared by all booths. */
  postponed: Ticket[];
}

const byIssueTime = (a: Ticket, b: Ticket) => a.issuedAt - b.issuedAt || a.number - b.number;

export function closedState(counterId: string): CounterState {
  return { counterId, status: 'closed', operatorId: null, operatorName: null, pause: null, ticketId: null, since: 0, streak: { kind: 'normal', count: 0 } };
}

export function counterStateIn(snapshot: QueueSnapshot, counterId: string): CounterState {
  return snapshot.counterStates.find((c) => c.counterId === counterId) ?? closedState(counterId);
}

export function waitedMinutes(ticket: Ticket, now: number): number {
  return Math.max(0, Math.floor((now - ticket.issuedAt) / MINUTE));
}

export function isBookedSoon(ticket: Ticket, now: number): boolean {
  return ticket.priority.kind === 'booked' && ticket.priority.slotStart - now <= BOOKED_SOON_MINUTES * MINUTE;
}

export function isPostponedDue(ticket: Ticket, now: number): boolean {
  return ticket.status === 'postponed' && (ticket.postponedUntil ?? 0) <= now;
}

function serviceQueue(snapshot: QueueSnapshot, service: Service, weight: ServiceWeight, now: number): ServiceQueue {
  const waiting = snapshot.tickets
    .filter((t) => t.serviceId === service.id && t.status === 'waiting' && t.assignedCounterId === null)
    .sort(byIssueTime);
  const first = waiting[0];
  return {
    service,
    weight,
    waiting,
    longestWaitMinutes: first ? waitedMinutes(first, now) : null,
    bookedSoon: waiting.filter((t) => isBookedSoon(t, now)),
  };
}

export function boothView(snapshot: QueueSnapshot, counterId: string, now: number): BoothView | null {
  const counter = snapshot.counters.find((c) => c.id === counterId);
  if (!counter) return null;
  const state = counterStateIn(snapshot, counterId);
  const services = new Map(snapshot.services.map((s) => [s.id, s]));
  const queues = counter.services.flatMap(({ serviceId, weight }) => {
    const service = services.get(serviceId);
    return service ? [serviceQueue(snapshot, service, weight, now)] : [];
  });
  return {
    counter,
    state,
    held: snapshot.tickets.find((t) => t.id === state.ticketId) ?? null,
    queues,
    assigned: snapshot.tickets.filter((t) => t.status === 'waiting' && t.assignedCounterId === counterId).sort(byIssueTime),
    postponed: snapshot.tickets
      .filter((t) => t.status === 'postponed')
      .sort((a, b) => (a.postponedUntil ?? 0) - (b.postponedUntil ?? 0) || byIssueTime(a, b)),
  };
}

/** Tickets this booth may call by choice right now: its queues, those sent to it, and due postponed ones. */
export function callableTickets(view: BoothView, now: number): Ticket[] {
  return [...view.assigned, ...view.queues.flatMap((q) => q.waiting), ...view.postponed.filter((t) => isPostponedDue(t, now))];
}
