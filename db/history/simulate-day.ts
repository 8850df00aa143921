// One simulated office day: arrivals shaped by the hour and the season, booths opened to match
// demand and pausing for lunch, service times per service, recalls, no-shows, walk-outs, transfers
// and appointments — as tickets and journal rows exactly like the engine writes them.
import type { Counter, LocalDate, Priority, Service, Ticket, TicketOutcome, TicketSource } from '../../common/protocol';
import { dayOfMonth, isoWeekday, zonedToEpoch } from '../../common/time/calendar';
import { Heap } from './heap';
import type { Random } from './random';

const MINUTE = 60_000;

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

interface Booth {
  counter: Counter;
  specialist: string;
  start: number;
  end: number;
  freeAt: number;
  lunchAt: number;
  lunchTaken: boolean;
  lastWork: number;
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

export function simulateDay(rand: Random, date: LocalDate, open: number, close: number, expected: number, services: Service[], counters: Counter[], timeZone: string): DayOutput {
  const { between, chance, logNormal, pick, newId } = rand;
  const rows: Row[] = [];
  const at = (minutes: number) => zonedToEpoch(date, 0, timeZone) + minutes * MINUTE;
  // Arrivals per quarter hour, shaped by the intensity curve; none in the last 15 minutes.
  const quarters: number[] = [];
  for (let m = open; m < close - 15; m += 15) quarters.push(intensity((m + 7.5) / 60));
  const total = quarters.reduce((a, b) => a + b, 0);
  // Booths needed per hour for about 85 % occupancy, sometimes a little short, as in real offices.
  const short = chance(0.25) ? between(0.8, 0.95) : 1;
  const needAt = (m: number) => {
    const perHour = (expected * intensity(m / 60) * 4) / total;
    return Math.min(counters.length, Math.max(2, Math.ceil(((perHour * MEAN_SERVICE) / 60 / 0.85) * short)));
  };
  const booths: Booth[] = counters.map((counter, k) => {
    let first = -1;
    let last = -1;
    for (let m = open; m < close; m += 30) {
      if (needAt(m) > k) {
        if (first < 0) first = m;
        last = m + 30;
      }
    }
    const start = first < 0 ? close : first === open ? open : first - 5;
    return {
      counter,
      specialist: `hist-${counter.number}`,
      start: at(start),
      end: at(Math.min(close, last < 0 ? close : last)),
      freeAt: at(start),
      lunchAt: at(12 * 60 + (k % 4) * 45),
      lunchTaken: false,
      lastWork: at(start),
    };
  }).filter((b) => b.start < b.end);
  for (const b of booths) rows.push({ at: b.start, kind: 'counter-opened', ticketId: null, counterId: b.counter.id, serviceId: null, actor: `user:${b.specialist}`, from: 'closed', to: 'open', note: null });

  const numbers = new Map<string, number>();
  const tickets: Ticket[] = [];
  const issuedService = new Map<string, string>();
  const pending = new Heap<Pending>((p) => p.ready);
  quarters.forEach((weight, q) => {
    const count = Math.round((expected * weight) / total + between(-0.5, 0.5));
    for (let i = 0; i < count; i++) {
      const issuedAt = Math.round(at(open + q * 15 + between(0, 15)));
      const service = pick(services, services.map((s) => MIX[s.id]?.share ?? 0.1));
      const number = (numbers.get(service.id) ?? service.startNumber - 1) + 1;
      numbers.set(service.id, number);
      const booked = chance(0.08);
      const slotStart = booked ? Math.ceil((issuedAt + between(0, 20) * MINUTE) / (15 * MINUTE)) * 15 * MINUTE : 0;
      const priority: Priority = booked
        ? { kind: 'booked', appointmentId: newId(), slotStart }
        : chance(0.02) ? { kind: 'category', categoryId: 'veteran', grantedBy: 'hist-consultant', reason: 'certificate shown' } : { kind: 'normal' };
      const source: TicketSource = booked ? 'appointment' : chance(0.05) ? 'staff' : 'kiosk';
      const ticket: Ticket = {
        id: newId(), serviceId: service.id, serviceDay: date, number, code: `${service.prefix}${number}`, issuedAt, queuedAt: issuedAt,
        source, priority, language: 'ru', status: 'waiting', outcome: null, counterId: null, assignedCounterId: null, calledAt: null,
        startedAt: null, finishedAt: null, recalls: 0, callReason: null, postponedUntil: null, returnToServiceId: null, comment: null,
        print: source === 'kiosk' ? 'printed' : 'not-requested', estimate: null,
      };
      tickets.push(ticket);
      issuedService.set(ticket.id, service.id);
      rows.push({ at: issuedAt, kind: 'ticket-issued', ticketId: ticket.id, counterId: null, serviceId: service.id, actor: source === 'kiosk' ? 'device:hist-kiosk' : 'user:hist-consultant', from: null, to: 'waiting', note: null });
      // Booked visitors become due shortly before their slot, as the engine's lead time allows.
      pending.push({ ready: booked ? Math.max(issuedAt, slotStart - 5 * MINUTE) : issuedAt, ticket, leg: 0 });
    }
  });

  const free = new Heap<Booth>((b) => b.freeAt);
  for (const b of booths) free.push(b);
  const finish = (t: Ticket, when: number, outcome: TicketOutcome, counterId: string | null, actor: string, note: string | null) => {
    Object.assign(t, { status: 'finished', outcome, finishedAt: when, counterId });
    rows.push({ at: when, kind: 'ticket-finished', ticketId: t.id, counterId, serviceId: t.serviceId, actor, from: t.calledAt ? 'serving' : 'waiting', to: outcome, note });
  };
  const leaveTimes: number[] = [];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { ticket, ready } = item;
    const patience = chance(0.03) ? between(10, 60) * MINUTE : Number.POSITIVE_INFINITY;
    let booth: Booth | undefined;
    while ((booth = free.pop())) {
      const callAt = Math.max(ready, booth.freeAt);
      if (callAt >= booth.end) continue;
      if (!booth.lunchTaken && callAt >= booth.lunchAt) {
        const pauseAt = Math.max(booth.freeAt, booth.lunchAt);
        booth.lunchTaken = true;
        rows.push({ at: pauseAt, kind: 'counter-paused', ticketId: null, counterId: booth.counter.id, serviceId: null, actor: `user:${booth.specialist}`, from: 'open', to: 'paused', note: 'lunch' });
        booth.freeAt = pauseAt + 45 * MINUTE;
        rows.push({ at: booth.freeAt, kind: 'counter-resumed', ticketId: null, counterId: booth.counter.id, serviceId: null, actor: `user:${booth.specialist}`, from: 'paused', to: 'open', note: null });
        free.push(booth);
        continue;
      }
      break;
    }
    if (!booth) {
      if (item.leg === 0) leaveTimes.push(at(close));
      finish(ticket, at(close) + MINUTE, 'day-ended', null, 'system', `service day ${date} ended`);
      continue;
    }
    const callAt = Math.max(ready, booth.freeAt);
    if (callAt - ready > patience) {
      free.push(booth);
      leaveTimes.push(ready + patience);
      finish(ticket, Math.round(ready + patience), 'cancelled', null, 'user:hist-consultant', 'left the queue');
      continue;
    }
    if (item.leg === 0) leaveTimes.push(callAt);
    const actor = `user:${booth.specialist}`;
    const counterId = booth.counter.id;
    let lastCall = Math.round(callAt);
    Object.assign(ticket, { status: 'called', counterId, calledAt: lastCall, recalls: 0 });
    rows.push({ at: lastCall, kind: 'ticket-called', ticketId: ticket.id, counterId, serviceId: ticket.serviceId, actor, from: 'waiting', to: 'called', note: '{"kind":"first-in-line"}' });
    const recalls = chance(0.08) ? (chance(0.3) ? 2 : 1) : 0;
    for (let r = 1; r <= recalls; r++) {
      lastCall += Math.round(between(0.7, 1.5) * MINUTE);
      ticket.calledAt = lastCall;
      ticket.recalls = r;
      rows.push({ at: lastCall, kind: 'ticket-recalled', ticketId: ticket.id, counterId, serviceId: ticket.serviceId, actor, from: 'called', to: 'called', note: `recall ${r}` });
    }
    if (recalls === 2 && chance(0.6)) {
      const gone = lastCall + Math.round(MINUTE);
      finish(ticket, gone, 'no-show', counterId, actor, 'no answer after 2 recalls');
      booth.freeAt = gone;
      free.push(booth);
      continue;
    }
    const startedAt = lastCall + Math.round(between(0.3, 1.5) * MINUTE);
    ticket.status = 'serving';
    ticket.startedAt = startedAt;
    rows.push({ at: startedAt, kind: 'ticket-started', ticketId: ticket.id, counterId, serviceId: ticket.serviceId, actor, from: 'called', to: 'serving', note: null });
    const duration = logNormal(MIX[ticket.serviceId]?.minutes ?? MEAN_SERVICE, 0.5) * MINUTE;
    if (item.leg === 0 && chance(0.03)) {
      const movedAt = Math.round(startedAt + duration * 0.4);
      const to = pick(services.filter((s) => s.id !== ticket.serviceId), [1, 1]);
      rows.push({ at: movedAt, kind: 'ticket-transferred', ticketId: ticket.id, counterId, serviceId: ticket.serviceId, actor, from: ticket.serviceId, to: to.id, note: 'needs another service' });
      Object.assign(ticket, { status: 'waiting', serviceId: to.id, counterId: null, queuedAt: movedAt, recalls: 0 });
      pending.push({ ready: movedAt, ticket, leg: 1 });
      booth.freeAt = movedAt;
    } else {
      const doneAt = Math.round(startedAt + duration);
      finish(ticket, doneAt, 'served', counterId, actor, null);
      booth.freeAt = doneAt;
    }
    booth.lastWork = booth.freeAt;
    free.push(booth);
  }
  for (const b of booths) {
    const closedAt = Math.max(b.end, b.lastWork);
    rows.push({ at: closedAt, kind: 'counter-closed', ticketId: null, counterId: b.counter.id, serviceId: null, actor: `user:${b.specialist}`, from: 'open', to: 'closed', note: null });
  }
  promiseWaits(tickets, leaveTimes, booths);
  rows.sort((a, b) => a.at - b.at);
  return { tickets, issuedService, rows };
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
