// The day ends lazily: before anything happens on a new service day, yesterday's open tickets are
// finished as 'day-ended' and the counters closed — recorded in the journal, nothing deleted.
import type { Ticket } from '../../common/protocol';
import { success, type Outcome } from './outcome';
import { closedCounter, lineCountsAfter, type Change, type QueueConfig, type QueueState } from './state';
import { localDate } from '../../common/time/calendar';

export function rollover(state: QueueState, config: QueueConfig, now: number): Outcome<null> {
  const today = localDate(now, config.office.timeZone);
  // In issue order (then by queue and number), so the journal reads the day's end the way the day went.
  const stale = [...state.tickets.values()].filter((t) => t.serviceDay < today).sort((a, b) => a.issuedAt - b.issuedAt || a.serviceId.localeCompare(b.serviceId) || a.number - b.number);
  const staleCounters = [...state.counters.values()].filter((c) => c.status !== 'closed' && localDate(c.since, config.office.timeZone) < today);
  if (stale.length === 0 && staleCounters.length === 0) return success(state, [], null);
  let { tickets, inLine } = state;
  const counters = new Map(state.counters);
  const changes: Change[] = [];
  for (const ticket of stale) {
    tickets = tickets.delete(ticket.id);
    inLine = lineCountsAfter(inLine, ticket, undefined);
    const ended: Ticket = { ...ticket, status: 'finished', outcome: 'day-ended', finishedAt: now };
    changes.push({ kind: 'ticket-finished', ticketId: ended.id, from: ticket.status, to: 'day-ended', note: `service day ${ticket.serviceDay} ended`, ticket: ended });
  }
  // A counter that held one of those tickets was opened on that day too, so closing it releases it.
  for (const counter of staleCounters) {
    const closed = { ...closedCounter(counter.counterId, now), streak: counter.streak };
    counters.set(counter.counterId, closed);
    changes.push({ kind: 'counter-closed', counterId: counter.counterId, from: counter.status, to: 'closed', note: 'service day ended', counter: closed });
  }
  return success({ ...state, tickets, inLine, counters }, changes, null);
}
