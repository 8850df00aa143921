// `npm run generate-history -- --days 365 --per-day 2000 --data-dir ./data [--seed 1] [--end YYYY-MM-DD]`
// Fills a fresh Talon database with a believable past: arrivals by weekday and hour with morning and
// afternoon peaks, benefit days early in the month and a winter season; service times per service;
// recalls, no-shows, walk-outs, transfers and appointments; booths opened to match demand, pausing
// for lunch. Tickets and journal rows are written exactly as the engine writes them, one
// transaction per day through prepared statements. The same seed gives the same history. Every day
// is then summarised for analytics, as the server would on its first report.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import type { Counter, LocalDate, Priority, Service, Ticket, TicketOutcome, TicketSource } from '../common/protocol';
import { AnalyticsStore } from '../server/analytics/analytics-store';
import { hoursOn } from '../server/domain/schedule';
import { addDays, clockToMinutes, dayOfMonth, isoWeekday, localDate, zonedToEpoch } from '../server/domain/time';
import { loadConfig, saveCounter, saveService } from '../server/store/config-store';
import { Database } from '../server/store/database';
import { migrate } from '../server/store/migrate';
import { seedDemoOffice } from '../server/store/seed';

const MINUTE = 60_000;

/** mulberry32: small, fast and good enough for simulated visitors. */
function rngFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    'per-day': { type: 'string', default: '2000' },
    'data-dir': { type: 'string', default: './data' },
    seed: { type: 'string', default: '1' },
    end: { type: 'string' },
  },
});
const DAYS = Number(args.days);
const PER_DAY = Number(args['per-day']);
const random = rngFrom(Number(args.seed));

const between = (low: number, high: number) => low + (high - low) * random();
const chance = (p: number) => random() < p;
/** Log-normal with the given mean and coefficient of variation: service times have a long tail. */
function logNormal(mean: number, cv: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return mean * Math.exp(normal * sigma - (sigma * sigma) / 2);
}
function pick<T>(items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}
function newId(): string {
  return Buffer.from(Array.from({ length: 12 }, () => Math.floor(random() * 256))).toString('base64url');
}

// Share of visitors per service and how long each takes at the booth, in minutes.
const MIX: Record<string, { share: number; minutes: number }> = {
  certificates: { share: 0.45, minutes: 5 },
  documents: { share: 0.35, minutes: 14 },
  consultation: { share: 0.2, minutes: 9 },
};
const MEAN_SERVICE = Object.values(MIX).reduce((s, m) => s + m.share * m.minutes, 0);
const WEEKDAY_LOAD = [0, 1.3, 1.05, 1.0, 1.0, 0.85, 0.6, 0];

/** Relative arrival intensity at a local hour (fractional): peaks late morning and mid-afternoon. */
function intensity(hour: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return 0.5 + 1.2 * bump(10.5, 1.3) + 0.8 * bump(14.5, 1.4) - 0.25 * bump(12.8, 0.5);
}

/** Winter and early-autumn seasons, and benefit days at the start of the month. */
function dayLoad(date: LocalDate): number {
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

/** A binary min-heap: the simulation always needs the earliest free booth and the earliest ready visitor. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.key(a[parent]!) <= this.key(a[i]!)) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key(a[l]!) < this.key(a[m]!)) m = l;
        if (r < a.length && this.key(a[r]!) < this.key(a[m]!)) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

interface DayOutput {
  tickets: Ticket[];
  /** A transfer changes a ticket's service; the tickets table also keeps the one it was issued for. */
  issuedService: Map<string, string>;
  rows: Row[];
}

function simulateDay(date: LocalDate, open: number, close: number, expected: number, services: Service[], counters: Counter[], timeZone: string): DayOutput {
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

async function prepareOffice(file: string): Promise<{ services: Service[]; counters: Counter[]; timeZone: string; schedule: NonNullable<Awaited<ReturnType<typeof loadConfig>>>['office']['schedule'] }> {
  const db = await Database.open(file);
  try {
    await migrate(db);
    const existing = await db.read.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    if (existing && existing.n > 0) throw new Error(`${file} already has ${existing.n} tickets; generate history into an empty data directory`);
    const now = Date.now();
    await seedDemoOffice(db, now, { allDay: false });
    const config = await loadConfig(db);
    if (!config) throw new Error('no office after seeding');
    // Enough booths for the busiest hour at ~85 % occupancy, and numbers for a busy day.
    const peakPerHour = (PER_DAY * 1.4 * 1.6 * 1.5) / 8;
    const boothsNeeded = Math.max(config.counters.size, Math.ceil((peakPerHour * MEAN_SERVICE) / 60 / 0.85) + 1);
    const template = [...config.counters.values()][0]!;
    await db.transaction(async (tx) => {
      for (const service of config.services.values()) await saveService(tx, { ...service, endNumber: 9999 }, now);
      for (let n = config.counters.size + 1; n <= boothsNeeded; n++) {
        await saveCounter(tx, { ...template, id: `booth-${n}`, number: n, name: { ru: `Кабина ${n}`, uk: `Кабіна ${n}`, en: `Booth ${n}` } }, now);
      }
      for (let n = 1; n <= boothsNeeded; n++) {
        await tx.run(
          "INSERT OR IGNORE INTO users (id, login, name, role, password_hash, active, created_at) VALUES (?, ?, ?, 'operator', ?, 0, ?)",
          [`hist-${n}`, `history-${n}`, `Specialist ${n}`, `disabled:${randomBytes(8).toString('hex')}`, now],
        );
      }
    });
    const final = (await loadConfig(db))!;
    return { services: [...final.services.values()], counters: [...final.counters.values()], timeZone: final.office.timeZone, schedule: final.office.schedule };
  } finally {
    await db.close();
  }
}

function run(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((ok, fail) => db.exec(sql, (err) => (err ? fail(err) : ok())));
}

type Value = string | number | null;

/**
 * Many rows per INSERT through one prepared statement: each statement crosses into SQLite's thread
 * once, which is what makes a single-row insert slow from Node.
 */
function batchInsert(db: sqlite3.Database, head: string, columns: number, batch = 200) {
  const statementFor = (rows: number) => db.prepare(`${head} ${Array.from({ length: rows }, () => `(${new Array(columns).fill('?').join(', ')})`).join(', ')}`);
  const full = statementFor(batch);
  const exec = (statement: sqlite3.Statement, values: Value[]) =>
    new Promise<void>((ok, fail) => statement.run(values, (err: Error | null) => (err ? fail(err) : ok())));
  return {
    async write(rows: Value[][]): Promise<void> {
      const pending: Promise<void>[] = [];
      let i = 0;
      for (; i + batch <= rows.length; i += batch) pending.push(exec(full, rows.slice(i, i + batch).flat()));
      if (i < rows.length) {
        const rest = statementFor(rows.length - i);
        pending.push(exec(rest, rows.slice(i).flat()));
        pending.push(new Promise<void>((ok) => rest.finalize(() => ok())));
      }
      await Promise.all(pending);
    },
    finalize: () => new Promise<void>((ok) => full.finalize(() => ok())),
  };
}

async function main(): Promise<void> {
  const dataDir = resolve(args['data-dir']);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'talon.sqlite');
  const office = await prepareOffice(file);
  const end = args.end ?? addDays(localDate(Date.now(), office.timeZone), -1);
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const opened = new sqlite3.Database(file, (err) => (err ? fail(err) : ok(opened)));
  });
  // Bulk load: durability per commit buys nothing here; the file is synced when we close it.
  await run(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
  const insertTickets = batchInsert(
    db,
    `INSERT INTO tickets (id, issued_service_id, service_id, service_day, number, code, status, outcome, source, priority_kind,
       issued_at, called_at, started_at, finished_at, counter_id, data) VALUES`,
    16,
  );
  const insertRows = batchInsert(db, 'INSERT INTO journal (at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note) VALUES', 9);
  const started = performance.now();
  let ticketCount = 0;
  let rowCount = 0;
  // `--per-day` is the mean over calendar days: closed days push their visitors onto open ones.
  const openDays = Array.from({ length: DAYS }, (_, i) => addDays(end, i - DAYS + 1)).flatMap((date) => {
    const hours = hoursOn(office.schedule, date);
    return hours ? [{ date, hours, load: dayLoad(date) }] : [];
  });
  const perLoad = (PER_DAY * DAYS) / openDays.reduce((sum, d) => sum + d.load, 0);
  for (const { date, hours, load } of openDays) {
    const day = simulateDay(date, clockToMinutes(hours.open), clockToMinutes(hours.close), load * perLoad, office.services, office.counters, office.timeZone);
    await run(db, 'BEGIN');
    await insertRows.write(day.rows.map((r) => [r.at, r.kind, r.ticketId, r.counterId, r.serviceId, r.actor, r.from, r.to, r.note]));
    await insertTickets.write(
      day.tickets.map((t) => [
        t.id, day.issuedService.get(t.id) ?? t.serviceId, t.serviceId, t.serviceDay, t.number, t.code, t.status, t.outcome, t.source, t.priority.kind,
        t.issuedAt, t.calledAt, t.startedAt, t.finishedAt, t.counterId, JSON.stringify(t),
      ]),
    );
    await run(db, 'COMMIT');
    ticketCount += day.tickets.length;
    rowCount += day.rows.length;
  }
  await insertTickets.finalize();
  await insertRows.finalize();
  await run(db, 'PRAGMA wal_checkpoint(TRUNCATE);');
  await new Promise<void>((ok, fail) => db.close((err) => (err ? fail(err) : ok())));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${ticketCount} tickets and ${rowCount} journal rows for ${DAYS} days ending ${end} into ${file} in ${seconds} s`);
  await summariseHistory(file, addDays(end, 1 - DAYS), end, office.timeZone);
}

/** Day summaries for every generated day, so the first report does not have to replay the year. */
async function summariseHistory(file: string, from: LocalDate, to: LocalDate, timeZone: string): Promise<void> {
  const started = performance.now();
  const db = await Database.open(file);
  try {
    const days = await new AnalyticsStore(db, Date.now).summarise(from, to, timeZone);
    console.log(`summarised ${days} days for analytics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

await main();
