// One simulated office day: arrivals shaped by the hour and the season, booths opened to match
// demand and pausing for lunch, service times per service, recalls, no-shows, walk-outs, transfers
// and appointments — as tickets and journal rows exactly like the engine writes them.
import type { Counter, LocalDate, OfficeSchedule, Priority, Service, Ticket, TicketOutcome, TicketSource } from '../../common/protocol';
import { openPeriods } from '../../server/domain/schedule';
import { addDays, dayOfMonth, isoWeekday, zonedToEpoch } from '../../server/domain/time';
import { boothShift, endOutsideBreaks, type BoothShift } from './booth-day';
import { Heap } from './heap';
import type { Random } from './random';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
/** The history's consultant: issues tickets at the desk, grants categories, removes walk-outs. */
export const CONSULTANT = 'hist-consultant';

// Share of visitors per service and how long each takes at the booth, in minutes.
export const MIX: Record<string, { share: number; minutes: number }> = {
  certificates: { share: 0.45, minutes: 5 },
  documents: { share: 0.35, minutes: 14 },
  consultation: { share: 0.2, minutes: 9 },
};
export const MEAN_SERVICE = Object.values(MIX).reduce((s, m) => s + m.share * m.minutes, 0);
const WEEKDAY_LOAD = [0, 1.3, 1.05, 1.0, 1.0, 0.85, 0.6, 0];

/** Relative arrival intensity at a local hour (fractional): peaks late morning and mid-afternoon. */
function intensity(hour: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return 0.5 + 1.2 * bump(10.5, 1.3) + 0.8 * bump(14.5, 1.4) - 0.25 * bump(12.8, 0.5);
}

/** Winter and early-autumn seasons, and benefit days at the start of the month. */
export function dayLoad({ between }: Random, date: LocalDate): number {
  const dayOfYear = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  const season = 1 + 0.18 * Math.cos((2 * Math.PI * (dayOfYear - 20)) / 365) + 0.12 * Math.exp(-(((dayOfYear - 255) / 15) ** 2));
  const benefitDays = dayOfMonth(date) <= 5 ? 1.2 : 1;
  return WEEKDAY_LOAD[isoWeekday(date)]! * season * benefitDays * between(0.9, 1.1);
}

interface Row {
  at: number;
  kind: string;
  ticketId: string | null;
  counterId: string | null;
  serviceId: string | null;
  actor: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

interface Booth extends BoothShift {
  counter: Counter;
  serves: ReadonlySet<string>;
  specialist: string;
  freeAt: number;
  closed: boolean;
}

interface Pending {
  ready: number;
  ticket: Ticket;
  leg: number;
}

export interface DayOutput {
  tickets: Ticket[];
  /** A transfer changes a ticket's service; the tickets table also keeps the one it was issued for. */
  issuedService: Map<string, string>;
  rows: Row[];
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
  const rows: Row[] = [];
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
  const counterRow = (b: Booth, at: number, kind: string, from: string, to: string, note: string | null = null) =>
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

  const numbers = new Map<string, number>();
  const tickets: Ticket[] = [];
  const issuedService = new Map<string, string>();
  const pending = new Heap<Pending>((p) => p.ready);
  quarters.forEach((quarter, q) => {
    const count = Math.round((expected * weights[q]!) / total + between(-0.5, 0.5));
    // In issue order, so each service's numbers rise with the time of issue, as the engine hands them out.
    const arrivals = Array.from({ length: count }, () => Math.round(quarter + between(0, QUARTER))).sort((a, b) => a - b);
    for (const issuedAt of arrivals) {
      const service = pick(services, services.map((s) => MIX[s.id]?.share ?? 0.1));
      const number = (numbers.get(service.id) ?? service.startNumber - 1) + 1;
      numbers.set(service.id, number);
      const slotStart = chance(0.08) ? Math.ceil((issuedAt + between(0, 20) * MINUTE) / QUARTER) * QUARTER : 0;
      // A slot is bookable only while the office still issues tickets.
      const booked = slotStart > 0 && slotStart < issuingEnds;
      const priority: Priority = booked
        ? { kind: 'booked', appointmentId: newId(), slotStart }
        : chance(0.02) ? { kind: 'category', categoryId: 'veteran', grantedBy: CONSULTANT, reason: 'certificate shown' } : { kind: 'normal' };
      const source: TicketSource = booked ? 'appointment' : chance(0.05) ? 'staff' : 'kiosk';
      const ticket: Ticket = {
        id: newId(), serviceId: service.id, serviceDay: date, number, code: `${service.prefix}${number}`, issuedAt, queuedAt: issuedAt,
        source, priority, language: 'ru', status: 'waiting', outcome: null, counterId: null, assignedCounterId: null, calledAt: null,
        startedAt: null, finishedAt: null, recalls: 0, callReason: null, postponedUntil: null, returnToServiceId: null, comment: null,
        print: source === 'kiosk' ? 'printed' : 'not-requested', estimate: null,
      };
      tickets.push(ticket);
      issuedService.set(ticket.id, service.id);
      rows.push({ at: issuedAt, kind: 'ticket-issued', ticketId: ticket.id, counterId: null, serviceId: service.id, actor: source === 'kiosk' ? 'device:hist-kiosk' : `user:${CONSULTANT}`, from: null, to: 'waiting', note: null });
      // Booked visitors become due shortly before their slot, as the engine's lead time allows.
      pending.push({ ready: booked ? Math.max(issuedAt, slotStart - 5 * MINUTE) : issuedAt, ticket, leg: 0 });
    }
  });

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
    const ticketRow = (at: number, kind: string, from: string, to: string, note: string | null = null) =>
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
