// People ahead and expected wait, from the recent pace of the booths that will call the ticket — not
// a constant — so the promise printed on the ticket can later be checked against reality. Only booths
// that work count: an open one from now, a paused one from its planned return; closed booths and
// pauses with no planned end promise nothing, and with none left the wait is unknown (null), never a
// guess. The work ahead is every ticket, of any service, that the call order puts before this one at
// one of those booths, each weighted by its own service's pace.
import type { Counter, Ticket, WaitEstimate } from '../../common/protocol';
import { byRank, candidateAt, isOrdinary, ordinaryTier, type Candidate } from './call-order';
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

/** A booth that may call the ticket, where the ticket stands in its order, and in how many minutes it works. */
export interface WorkingBooth {
  counter: Counter;
  place: Candidate;
  fromMinutes: number;
}

/** The booths that may call the ticket and are open, or paused with a planned return. */
export function workingBooths(state: QueueState, config: QueueConfig, ticket: Ticket, now: number): WorkingBooth[] {
  const booths: WorkingBooth[] = [];
  for (const counter of config.counters.values()) {
    // A booth an admin switched off calls nobody, whatever its state says.
    if (!counter.active) continue;
    const live = state.counters.get(counter.id);
    const place = candidateAt(ticket, config, counter, now);
    if (!live || !place) continue;
    if (live.status === 'open') booths.push({ counter, place, fromMinutes: 0 });
    // A specialist late back from lunch is expected any moment, not never.
    else if (live.status === 'paused' && live.pause?.until !== undefined) {
      booths.push({ counter, place, fromMinutes: Math.max(0, live.pause.until - now) / MINUTE });
    }
  }
  return booths;
}

/**
 * Minutes of service owed to the tickets that any of the booths would call before this one. A ticket
 * of another service that other booths also serve is counted whole: the estimate errs long rather
 * than promise a wait that those booths may not deliver.
 */
export function workAhead(state: QueueState, config: QueueConfig, ticket: Ticket, booths: readonly WorkingBooth[], now: number): number {
  const pace = new Map<string, number>();
  // Per booth, the tier of each service's ordinary tickets there: looked up once, not per ticket.
  const tiers = booths.map(() => new Map<string, number | null>());
  const ordinaryTierAt = (i: number, serviceId: string): number | null => {
    const known = tiers[i]!.get(serviceId);
    if (known !== undefined) return known;
    const tier = ordinaryTier(booths[i]!.counter, serviceId);
    tiers[i]!.set(serviceId, tier);
    return tier;
  };
  let work = 0;
  for (const other of state.tickets.values()) {
    if (other.id === ticket.id || (other.status !== 'waiting' && other.status !== 'postponed')) continue;
    const service = config.services.get(other.serviceId);
    if (!service) continue;
    const ordinary = isOrdinary(other, service, now);
    const first = booths.some((booth, i) => {
      if (!ordinary) {
        const place = candidateAt(other, config, booth.counter, now);
        return place !== null && byRank(place, booth.place) < 0;
      }
      const tier = ordinaryTierAt(i, other.serviceId);
      return tier !== null && byRank({ ticket: other, tier, key: other.issuedAt }, booth.place) < 0;
    });
    if (!first) continue;
    let minutes = pace.get(other.serviceId);
    if (minutes === undefined) {
      minutes = recentServiceMinutes(state, config, other.serviceId);
      pace.set(other.serviceId, minutes);
    }
    work += minutes;
  }
  return work;
}

/**
 * When booths starting at different times (minutes from now) have done `work` minutes between them:
 * the first t with Σ max(0, t − start) = work. With every booth open that is work ÷ booths.
 */
export function sharedFinish(work: number, starts: readonly number[]): number | null {
  const sorted = [...starts].sort((a, b) => a - b);
  let startSum = 0;
  for (let k = 0; k < sorted.length; k++) {
    startSum += sorted[k]!;
    const finish = (work + startSum) / (k + 1);
    const nextStart = sorted[k + 1];
    if (nextStart === undefined || finish <= nextStart) return finish;
  }
  return null;
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
  const booths = workingBooths(state, config, ticket, now);
  // No booth works for it: looking through the queue would only cost time.
  if (booths.length === 0) return { ahead, waitMinutes: null, at: now };
  const finish = sharedFinish(workAhead(state, config, ticket, booths, now), booths.map((b) => b.fromMinutes));
  return { ahead, waitMinutes: finish === null ? null : Math.round(finish), at: now };
}
