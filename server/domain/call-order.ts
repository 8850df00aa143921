// Who a counter calls next, and why. Order: tickets transferred to this very counter, due
// appointments, then out-of-turn categories, then anyone who has waited past the service's maximum
// wait, then the counter's main services and then its secondary ones, first come first served;
// booked visitors who came early wait for their slot unless nobody else is there. An optional
// ratio mixes ordinary and out-of-turn calls (e.g. 2 ordinary per 1 out-of-turn).
import type { CallReason, Counter, CounterState, QueueRules, Service, ServiceWeight, Ticket } from '../../common/protocol';
import type { QueueConfig, QueueState } from './state';

const MINUTE = 60_000;

export interface Candidate {
  ticket: Ticket;
  tier: number;
  /** Earlier sorts first within a tier. */
  key: number;
  reason: CallReason;
  isPriority: boolean;
}

const TIER = {
  assigned: 0,
  appointment: 1,
  category: 2,
  overdue: 3,
  main: 4,
  secondary: 5,
  early: 6,
} as const;

export function weightFor(counter: Counter, serviceId: string): ServiceWeight | null {
  return counter.services.find((s) => s.serviceId === serviceId)?.weight ?? null;
}

/** Whether the ticket may be called by this counter now (waiting, or postponed and due). */
export function isCallable(ticket: Ticket, counter: Counter, now: number): boolean {
  const available =
    ticket.status === 'waiting' || (ticket.status === 'postponed' && (ticket.postponedUntil ?? 0) <= now);
  // A phone ticket whose visitor has not said "I'm here" is called only by choice (callSpecific).
  if (!available || ticket.awaitingArrival) return false;
  if (ticket.assignedCounterId !== null) return ticket.assignedCounterId === counter.id;
  return weightFor(counter, ticket.serviceId) !== null;
}

export function isDueAppointment(ticket: Ticket, rules: QueueRules, now: number): boolean {
  return ticket.priority.kind === 'booked' && now >= ticket.priority.slotStart - rules.appointmentLeadMinutes * MINUTE;
}

function classify(ticket: Ticket, counter: Counter, service: Service, rules: QueueRules, now: number): Candidate {
  const base = { ticket, key: ticket.issuedAt, isPriority: false };
  if (ticket.assignedCounterId === counter.id) return { ...base, tier: TIER.assigned, reason: { kind: 'assigned-to-counter' } };
  const { priority } = ticket;
  if (priority.kind === 'booked') {
    if (isDueAppointment(ticket, rules, now)) {
      return { ...base, tier: TIER.appointment, key: priority.slotStart, reason: { kind: 'appointment', slotStart: priority.slotStart } };
    }
    return { ...base, tier: TIER.early, key: priority.slotStart, reason: { kind: 'appointment', slotStart: priority.slotStart } };
  }
  if (priority.kind === 'category') {
    return { ...base, tier: TIER.category, isPriority: true, reason: { kind: 'category', categoryId: priority.categoryId } };
  }
  const waitedMinutes = Math.floor((now - ticket.issuedAt) / MINUTE);
  if (waitedMinutes > service.maxWaitMinutes) {
    return { ...base, tier: TIER.overdue, reason: { kind: 'overdue', waitedMinutes, maxWaitMinutes: service.maxWaitMinutes } };
  }
  if (ticket.status === 'postponed') {
    const weight = weightFor(counter, ticket.serviceId) ?? 'secondary';
    return { ...base, tier: weight === 'main' ? TIER.main : TIER.secondary, key: ticket.postponedUntil ?? ticket.queuedAt, reason: { kind: 'postponed-due' } };
  }
  const weight = weightFor(counter, ticket.serviceId) ?? 'secondary';
  return {
    ...base,
    tier: weight === 'main' ? TIER.main : TIER.secondary,
    reason: { kind: 'first-in-line', serviceId: ticket.serviceId, weight },
  };
}

/** What ranking reads of a candidate. */
export type Rank = Pick<Candidate, 'ticket' | 'tier' | 'key'>;

export function byRank(a: Rank, b: Rank): number {
  return a.tier - b.tier || a.key - b.key || a.ticket.number - b.ticket.number || a.ticket.id.localeCompare(b.ticket.id);
}

/**
 * The tier, at this counter, of an ordinary ticket of the service — waiting for anyone, no priority,
 * not yet overdue — or null when the counter does not serve it. Most of a queue is ordinary, and
 * ranking it this way needs no classification (its key is its issue time).
 */
export function ordinaryTier(counter: Counter, serviceId: string): number | null {
  const weight = weightFor(counter, serviceId);
  return weight === null ? null : weight === 'main' ? TIER.main : TIER.secondary;
}

export function isOrdinary(ticket: Ticket, service: Service, now: number): boolean {
  return (
    ticket.status === 'waiting' &&
    ticket.assignedCounterId === null &&
    ticket.priority.kind === 'normal' &&
    Math.floor((now - ticket.issuedAt) / MINUTE) <= service.maxWaitMinutes
  );
}

/** Where the ticket stands in the counter's call order now, or null when that counter may not call it. */
export function candidateAt(ticket: Ticket, config: QueueConfig, counter: Counter, now: number): Candidate | null {
  const service = config.services.get(ticket.serviceId);
  if (!service || !isCallable(ticket, counter, now)) return null;
  return classify(ticket, counter, service, config.office.rules, now);
}

/** The counter's callable tickets, best first, each with the reason it would be called. */
export function rankCandidates(state: QueueState, config: QueueConfig, counter: Counter, now: number): Candidate[] {
  const candidates: Candidate[] = [];
  for (const ticket of state.tickets.values()) {
    const candidate = candidateAt(ticket, config, counter, now);
    if (candidate) candidates.push(candidate);
  }
  return candidates.sort(byRank);
}

/** Picks the next ticket, honouring the optional ordinary/out-of-turn ratio. */
export function chooseNext(
  state: QueueState,
  config: QueueConfig,
  counter: Counter,
  counterState: CounterState,
  now: number,
): { ticket: Ticket; reason: CallReason; isPriority: boolean } | null {
  const ranked = rankCandidates(state, config, counter, now);
  const best = ranked[0];
  if (!best) return null;
  const ratio = config.office.rules.priorityRatio;
  if (!ratio || best.tier < TIER.category || best.tier > TIER.secondary) return best;
  const ordinary = ranked.find((c) => !c.isPriority && c.tier >= TIER.overdue && c.tier <= TIER.secondary);
  const priority = ranked.find((c) => c.isPriority);
  if (!ordinary || !priority) return best;
  const { kind, count } = counterState.streak;
  const owed = kind === 'normal' ? (count >= ratio.normal ? 'priority' : 'normal') : count >= ratio.priority ? 'normal' : 'priority';
  const pick = owed === 'priority' ? priority : ordinary;
  return pick === best ? best : { ...pick, reason: { kind: 'ratio' } };
}

export function nextStreak(streak: CounterState['streak'], isPriority: boolean): CounterState['streak'] {
  const kind = isPriority ? 'priority' : 'normal';
  return streak.kind === kind ? { kind, count: streak.count + 1 } : { kind, count: 1 };
}
