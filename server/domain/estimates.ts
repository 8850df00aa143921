// People ahead and expected wait, from the recent pace of the counters that serve the service —
// not a constant — so the promise printed on the ticket can later be checked against reality.
import type { Ticket, WaitEstimate } from '../../common/protocol';
import type { QueueConfig, QueueState } from './state';

const MINUTE = 60_000;

/** Mean recent service time for a service in minutes, falling back to the configured expectation. */
export function recentServiceMinutes(state: QueueState, config: QueueConfig, serviceId: string): number {
  const durations = state.serviceDurations.get(serviceId) ?? [];
  const expected = config.services.get(serviceId)?.expectedServiceMinutes ?? 10;
  if (durations.length < 3) return expected;
  const mean = durations.reduce((sum, d) => sum + d, 0) / durations.length / MINUTE;
  return Math.max(0.5, mean);
}

/** Counters working on the service now; when none is open yet, all that could serve it. */
export function servingCounters(state: QueueState, config: QueueConfig, serviceId: string): number {
  const able = [...config.counters.values()].filter((c) => c.active && c.services.some((s) => s.serviceId === serviceId));
  const open = able.filter((c) => state.counters.get(c.id)?.status === 'open');
  return Math.max(1, open.length || able.length);
}

/** Tickets of the same service that stand before this one in the queue. */
export function peopleAhead(state: QueueState, ticket: Ticket): number {
  // A ticket being issued stands last: everyone in its service's line is ahead of it.
  if (!state.tickets.has(ticket.id) && ticket.priority.kind === 'normal') return state.inLine.get(ticket.serviceId) ?? 0;
  let ahead = 0;
  for (const other of state.tickets.values()) {
    if (other.id === ticket.id || other.serviceId !== ticket.serviceId || other.status !== 'waiting') continue;
    // A ticket sent to one particular counter is not in this queue's line.
    if (other.assignedCounterId !== null) continue;
    const before =
      other.priority.kind !== 'normal' && ticket.priority.kind === 'normal'
        ? true
        : other.issuedAt < ticket.issuedAt || (other.issuedAt === ticket.issuedAt && other.number < ticket.number);
    if (before) ahead += 1;
  }
  return ahead;
}

export function estimateWait(state: QueueState, config: QueueConfig, ticket: Ticket, now: number): WaitEstimate {
  const ahead = peopleAhead(state, ticket);
  const minutes = recentServiceMinutes(state, config, ticket.serviceId);
  const counters = servingCounters(state, config, ticket.serviceId);
  return { ahead, waitMinutes: Math.round((ahead * minutes) / counters), at: now };
}
