// One simulated office day at the booths: booths opened to match demand and pausing for their
// planned breaks, service times per service, recalls, no-shows, walk-outs and transfers — as tickets
// and journal rows exactly like the engine writes them.
import type { Counter, EventKind, LocalDate, OfficeSchedule, Service, Ticket, TicketOutcome } from '../../common/protocol';
import { openPeriods } from '../../server/domain/schedule';
import { addDays, zonedToEpoch } from '../../common/time/calendar';
import { CONSULTANT, issueArrivals, QUARTER, type Arrivals, type HistoryRow } from './arrivals';
import { boothShift, endOutsideBreaks, type BoothShift } from './booth-day';
import { intensity, MEAN_SERVICE, MIX } from './demand';
import { Heap } from './heap';
import type { Random } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Booth extends BoothShift {
  counter: Counter;
  serves: ReadonlySet<string>;
  specialist: string;
  freeAt: number;
  closed: boolean;
}

export interface DayOutput extends Omit<Arrivals, 'pending'> {
  rows: HistoryRow[];
}

/** The office as the simulation needs it. */
export interface OfficeHours {
  schedule: OfficeSchedule;
  timeZone: string;
}

/** A visit planned at a booth before it is written: when each step would happen. */
interface Plan {
  calls: number[];
  startedAt: number | null;
  /** Finish, no-show or transfer: when the booth is free again. */
  doneAt: number;
  transferTo: Service | null;
}

/**
 * One day as the engine would have written it: booths open, pause and close within the office's
 * hours, a booth calls only tickets of services it serves and only what it can finish before its
 * next break or closing, and whoever is still waiting is ended by the rollover after midnight.
 */
export function simulateDay(rand: Random, date: LocalDate, office: OfficeHours, expected: number, services: Service[], counters: Counter[]): DayOutput {
  const { between, chance, logNormal, pick, newId } = rand;
  const { schedule, timeZone } = office;
  const rows: HistoryRow[] = [];
  const periods = openPeriods(schedule, date, timeZone);
  const midnight = zonedToEpoch(date, 0, timeZone);
  const localHour = (t: number) => (t - midnight) / HOUR;
  const open = periods[0]?.start ?? midnight;
  const close = periods.at(-1)?.end ?? midnight;
  // Nobody arrives in the last quarter hour, nor once the office stops issuing.
  const issuingEnds = close - Math.max(15, schedule.cutoffMinutes) * MINUTE;
  const rolloverAt = zonedToEpoch(addDays(date, 1), 0, timeZone);
  // Arrivals per quarter hour within the open periods, shaped by the intensity curve.
  const quarters: number[] = [];
  for (const p of periods) {
    for (let t = p.start; t + QUARTER <= Math.min(p.end, issuingEnds); t += QUARTER) quarters.push(t);
  }
  const weights = quarters.map((t) => intensity(localHour(t) + 0.125));
  const total = weights.reduce((a, b) => a + b, 0);
  // Booths needed per hour for about 85 % occupancy, sometimes a little short, as in real offices.
  const short = chance(0.25) ? between(0.8, 0.95) : 1;
  const needAt = (t: number) => {
    const perHour = (expected * intensity(localHour(t)) * 4) / total;
    return Math.min(counters.length, Math.max(2, Math.ceil(((perHour * MEAN_SERVICE) / 60 / 0.85) * short)));
  };
  const booths: Booth[] = counters.flatMap((counter, k) => {
    let first = -1;
    let last = -1;
    for (let t = open; t < close; t += 30 * MINUTE) {
      if (needAt(t) > k) {
        if (first < 0) first = t;
        last = t + 30 * MINUTE;
      }
    }
    if (first < 0 || !counter.active) return [];
    const shift = boothShift(counter, date, timeZone, periods, { start: first === open ? open : first - 5 * MINUTE, end: Math.min(close, last) });
    if (!shift) return [];
    const serves = new Set(counter.services.map((s) => s.serviceId));
    return [{ ...shift, counter, serves, specialist: `hist-${counter.number}`, freeAt: shift.start, closed: false }];
  });
  const counterRow = (b: Booth, at: number, kind: EventKind, from: string, to: string, note: string | null = null) =>
    rows.push({ at, kind, ticketId: null, counterId: b.counter.id, serviceId: null, actor: `user:${b.specialist}`, from, to, note });
  for (const b of booths) counterRow(b, b.start, 'counter-opened', 'closed', 'open');
  /** The next break within the booth's shift, if any. */
  const nextBreak = (b: Booth) => (b.breaks[0] && b.breaks[0].start < b.end ? b.breaks[0] : undefined);
  /** The booth is idle until its next break begins: paused then, resumed when the break ends. */
  const takeBreak = (b: Booth) => {
    const pause = b.breaks.shift()!;
    counterRow(b, pause.start, 'counter-paused', 'open', 'paused', pause.reason);
    counterRow(b, pause.end, 'counter-resumed', 'paused', 'open');
    b.freeAt = pause.end;
  };
  /** A specialist stays on past the shift, half an hour at a time up to closing, for someone who came before it ended. */
  const stayOn = (b: Booth, ready: number) => {
    if (ready >= b.end) return false;
    const later = endOutsideBreaks(b.breaks, Math.min(close, b.end + 30 * MINUTE));
    if (later <= b.end) return false;
    b.end = later;
    return true;
  };
  const closeBooth = (b: Booth) => {
    while (nextBreak(b)) takeBreak(b);
    counterRow(b, b.end, 'counter-closed', 'open', 'closed');
    b.closed = true;
  };

  const counts = weights.map((w) => Math.round((expected * w) / total + between(-0.5, 0.5)));
  const { tickets, issuedService, pending } = issueArrivals(rand, date, quarters, counts, issuingEnds, services, rows);

  const free = new Heap<Booth>((b) => b.freeAt);
  for (const b of booths) free.push(b);
  const finish = (t: Ticket, when: number, outcome: TicketOutcome, counterId: string | null, actor: string, note: string | null) => {
    const from = t.status;
    Object.assign(t, { status: 'finished', outcome, finishedAt: when, counterId });
    rows.push({ at: when, kind: 'ticket-finished', ticketId: t.id, counterId, serviceId: t.serviceId, actor, from, to: outcome, note });
  };
  /** The booth free soonest among those serving the service, taking breaks and closing booths on the way. */
  const boothFor = (serviceId: string, ready: number): Booth | undefined => {
    const aside: Booth[] = [];
    let found: Booth | undefined;
    for (let b = free.pop(); b; b = found ? undefined : free.pop()) {
      const callAt = Math.max(ready, b.freeAt);
      if (!b.serves.has(serviceId)) aside.push(b);
      else if (callAt >= (nextBreak(b)?.start ?? Number.POSITIVE_INFINITY)) {
        takeBreak(b);
        free.push(b);
      } else if (callAt >= b.end) {
        if (stayOn(b, ready)) free.push(b);
        else closeBooth(b);
      } else found = b;
    }
    for (const b of aside) free.push(b);
    return found;
  };
  const plan = (ticket: Ticket, callAt: number, leg: number): Plan => {
    const calls = [Math.round(callAt)];
    const recalls = chance(0.08) ? (chance(0.3) ? 2 : 1) : 0;
    for (let r = 1; r <= recalls; r++) calls.push(calls.at(-1)! + Math.round(between(0.7, 1.5) * MINUTE));
    const lastCall = calls.at(-1)!;
    if (recalls === 2 && chance(0.6)) return { calls, startedAt: null, doneAt: lastCall + MINUTE, transferTo: null };
    const startedAt = lastCall + Math.round(between(0.3, 1.5) * MINUTE);
    const duration = logNormal(MIX[ticket.serviceId]?.minutes ?? MEAN_SERVICE, 0.5) * MINUTE;
    if (leg === 0 && chance(0.03)) {
      const to = pick(services.filter((s) => s.id !== ticket.serviceId), [1, 1]);
      return { calls, startedAt, doneAt: Math.round(startedAt + duration * 0.4), transferTo: to };
    }
    return { calls, startedAt, doneAt: Math.round(startedAt + duration), transferTo: null };
  };
  const leaveTimes: number[] = [];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { ticket, ready } = item;
    const patience = chance(0.03) ? between(10, 60) * MINUTE : Number.POSITIVE_INFINITY;
    const booth = boothFor(ticket.serviceId, ready);
    if (!booth) {
      // Still waiting when every booth has closed: the rollover ends the ticket after midnight.
      if (item.leg === 0) leaveTimes.push(close);
      finish(ticket, rolloverAt, 'day-ended', null, 'system', `service day ${date} ended`);
      continue;
    }
    const callAt = Math.max(ready, booth.freeAt);
    if (callAt - ready > patience && ready + patience < issuingEnds) {
      free.push(booth);
      leaveTimes.push(ready + patience);
      finish(ticket, Math.round(ready + patience), 'cancelled', null, `user:${CONSULTANT}`, 'left the queue');
      continue;
    }
    const visit = plan(ticket, callAt, item.leg);
    if (visit.doneAt > (nextBreak(booth)?.start ?? booth.end)) {
      // Too long to finish before the break or the end of the shift: the booth calls nobody more until then.
      if (nextBreak(booth)) takeBreak(booth);
      else if (!stayOn(booth, ready)) closeBooth(booth);
      if (!booth.closed) free.push(booth);
      pending.push(item);
      continue;
    }
    if (item.leg === 0) leaveTimes.push(callAt);
    writeVisit(ticket, visit, booth);
    if (visit.transferTo) pending.push({ ready: visit.doneAt, ticket, leg: 1 });
    booth.freeAt = visit.doneAt;
    free.push(booth);
  }
  for (const b of booths) if (!b.closed) closeBooth(b);
  promiseWaits(tickets, leaveTimes, booths);
  rows.sort((a, b) => a.at - b.at);
  return { tickets, issuedService, rows };

  function writeVisit(ticket: Ticket, visit: Plan, booth: Booth): void {
    const actor = `user:${booth.specialist}`;
    const counterId = booth.counter.id;
    const ticketRow = (at: number, kind: EventKind, from: string, to: string, note: string | null = null) =>
      rows.push({ at, kind, ticketId: ticket.id, counterId, serviceId: ticket.serviceId, actor, from, to, note });
    const [first, ...recalls] = visit.calls;
    Object.assign(ticket, { status: 'called', counterId, calledAt: first, startedAt: null, recalls: 0 });
    ticketRow(first!, 'ticket-called', 'waiting', 'called', '{"kind":"first-in-line"}');
    recalls.forEach((at, r) => {
      Object.assign(ticket, { calledAt: at, recalls: r + 1 });
      ticketRow(at, 'ticket-recalled', 'called', 'called', `recall ${r + 1}`);
    });
    if (visit.startedAt === null) {
      finish(ticket, visit.doneAt, 'no-show', counterId, actor, `no answer after ${recalls.length} recalls`);
      return;
    }
    Object.assign(ticket, { status: 'serving', startedAt: visit.startedAt });
    ticketRow(visit.startedAt, 'ticket-started', 'called', 'serving');
    if (visit.transferTo) {
      const from = ticket.serviceId;
      const to = visit.transferTo.id;
      Object.assign(ticket, { status: 'waiting', serviceId: to, counterId: null, queuedAt: visit.doneAt, recalls: 0 });
      // The engine journals a transfer under the ticket as it is afterwards: in its new queue.
      rows.push({ at: visit.doneAt, kind: 'ticket-transferred', ticketId: ticket.id, counterId, serviceId: to, actor, from, to, note: 'needs another service' });
    } else finish(ticket, visit.doneAt, 'served', counterId, actor, null);
  }
}

/** The estimate printed at issue: people still waiting then × mean service time ÷ booths open then. */
function promiseWaits(tickets: Ticket[], leaveTimes: number[], booths: Booth[]): void {
  const issued = tickets.map((t) => t.issuedAt).sort((a, b) => a - b);
  const left = [...leaveTimes].sort((a, b) => a - b);
  const countBelow = (sorted: number[], value: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  for (const t of tickets) {
    const ahead = Math.max(0, countBelow(issued, t.issuedAt) - countBelow(left, t.issuedAt + 1));
    const open = Math.max(1, booths.filter((b) => b.start <= t.issuedAt && t.issuedAt < b.end).length);
    t.estimate = { ahead, waitMinutes: Math.round((ahead * MEAN_SERVICE) / open), at: t.issuedAt };
  }
}
