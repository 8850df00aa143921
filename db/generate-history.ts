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
import type { Counter, LocalDate, Service } from '../common/protocol';
import { AnalyticsStore } from '../server/analytics/analytics-store';
import { hoursOn } from '../server/domain/schedule';
import { addDays, clockToMinutes, localDate } from '../common/time/calendar';
import { loadConfig, saveCounter, saveService } from '../server/store/config-store';
import { Database } from '../server/store/database';
import { migrate } from '../server/store/migrate';
import { seedDemoOffice } from '../server/store/seed';
import { batchInsert, run } from './history/bulk-insert';
import { createRandom } from './history/random';
import { dayLoad, MEAN_SERVICE, simulateDay } from './history/simulate-day';

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
const rand = createRandom(Number(args.seed));

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
    return hours ? [{ date, hours, load: dayLoad(rand, date) }] : [];
  });
  const perLoad = (PER_DAY * DAYS) / openDays.reduce((sum, d) => sum + d.load, 0);
  for (const { date, hours, load } of openDays) {
    const day = simulateDay(rand, date, clockToMinutes(hours.open), clockToMinutes(hours.close), load * perLoad, office.services, office.counters, office.timeZone);
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
