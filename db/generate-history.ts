// `npm run generate-history -- --days 365 --per-day 2000 --data-dir ./data [--offices N] [--seed 1] [--end YYYY-MM-DD]` (`--help` lists them)
// Fills a fresh Talon database with a believable past: arrivals by weekday and hour with morning and
// afternoon peaks, benefit days early in the month and a winter season; service times per service;
// recalls, no-shows, walk-outs, transfers and appointments; booths opened to match demand, pausing
// for their planned breaks within the office's hours. Tickets and journal rows are written exactly
// as the engine writes them (test/integration/history-generator.test.ts checks that), one
// transaction per day through prepared statements. The same seed gives the same history. Every day
// is then summarised for analytics (with its regional digest), as the server would on its first
// report. With `--offices N` each of N offices gets a history of its own (db/history/offices.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { Counter, LocalDate, OfficeId, OfficeSchedule, Service } from '../common/protocol';
import { AnalyticsStore } from '../server/analytics/analytics-store';
import { storeDayDigests } from '../server/analytics/day-digest-store';
import { ensureAdmin, type AdminBootstrap } from '../server/auth/bootstrap';
import { hoursOn } from '../server/domain/schedule';
import { addDays, localDate } from '../common/time/calendar';
import { loadConfig, saveCounter, saveService } from '../server/store/config-store';
import type { Database } from '../server/store/database';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { migrate } from '../server/store/migrate';
import { seedOffices, SINGLE_OFFICE_ID } from '../server/store/seed';
import { createUsersStore } from '../server/store/users-store';
import { batchInsert, run } from './history/bulk-insert';
import { historyOffices, type HistoryOffice } from './history/offices';
import { parseOptions, USAGE, type HistoryOptions } from './history/options';
import { createRandom, type Random } from './history/random';
import { CONSULTANT } from './history/arrivals';
import { dayLoad, MEAN_SERVICE } from './history/demand';
import { simulateDay } from './history/simulate-day';

const parsed = parseOptions(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`generate-history: ${parsed.message}\nRun it with --help to see the options.`);
  process.exit(2);
}
const { days: DAYS, perDay: PER_DAY, offices: OFFICES, seed, dataDir: dataDirOption, end: endOption }: HistoryOptions = parsed.options;

interface PreparedOffice {
  id: OfficeId;
  services: Service[];
  counters: Counter[];
  timeZone: string;
  schedule: OfficeSchedule;
}

/** Enough booths for the busiest hour at ~85 % occupancy, and numbers for a busy day; returns how many booths. */
async function equipForHistory(db: Database, officeId: OfficeId, now: number): Promise<number> {
  const config = await loadConfig(db, officeId);
  if (!config) throw new Error(`office ${officeId} is not in the database; generate history into an empty data directory`);
  const peakPerHour = (PER_DAY * 1.4 * 1.6 * 1.5) / 8;
  const boothsNeeded = Math.max(config.counters.size, Math.ceil((peakPerHour * MEAN_SERVICE) / 60 / 0.85) + 1);
  // Added booths take the demo booths' staggered breaks in turn, so the hall is never left empty.
  const templates = [...config.counters.values()].filter((c) => c.id.startsWith('booth-'));
  await db.transaction(async (tx) => {
    for (const service of config.services.values()) await saveService(tx, officeId, { ...service, endNumber: 9999 }, now);
    for (let n = config.counters.size + 1; n <= boothsNeeded; n++) {
      const template = templates[(n - 1) % templates.length]!;
      await saveCounter(tx, officeId, { ...template, id: `booth-${n}`, number: n, name: { ru: `Кабина ${n}`, uk: `Кабіна ${n}`, en: `Booth ${n}` } }, now);
    }
  });
  return boothsNeeded;
}

/** The history's staff have left: their accounts stay for the reports' names but cannot sign in. One specialist per booth number works that booth in every office. */
async function addHistoryStaff(db: Database, officeIds: readonly OfficeId[], booths: number, now: number): Promise<void> {
  const staff = [
    ...Array.from({ length: booths }, (_, i) => ({ id: `hist-${i + 1}`, login: `history-${i + 1}`, name: `Specialist ${i + 1}`, role: 'operator' })),
    { id: CONSULTANT, login: 'history-consultant', name: 'Consultant', role: 'consultant' },
  ];
  await db.transaction(async (tx) => {
    for (const user of staff) {
      await tx.run('INSERT INTO users (id, login, name, password_hash, active, created_at) VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING', [
        user.id, user.login, user.name, `disabled:${randomBytes(8).toString('hex')}`, now,
      ]);
      for (const officeId of officeIds) await tx.run('INSERT INTO office_roles (user_id, office_id, role) VALUES (?, ?, ?) ON CONFLICT (user_id, office_id) DO NOTHING', [user.id, officeId, user.role]);
    }
  });
}

async function prepareOffices(file: string, offices: readonly HistoryOffice[]): Promise<{ prepared: PreparedOffice[]; admin: AdminBootstrap | null }> {
  const db = await SqliteDatabase.open(file);
  try {
    await migrate(db);
    const existing = await db.read.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    if (existing && existing.n > 0) throw new Error(`${file} already has ${existing.n} tickets; generate history into an empty data directory`);
    const now = Date.now();
    await seedOffices(db, offices, now, { allDay: false });
    // Before the history's staff exist: the server makes the first admin only while there are no users.
    const admin = await ensureAdmin({ users: createUsersStore(db) }, process.env);
    let booths = 0;
    for (const { id } of offices) booths = Math.max(booths, await equipForHistory(db, id, now));
    await addHistoryStaff(db, offices.map((o) => o.id), booths, now);
    const prepared: PreparedOffice[] = [];
    for (const { id } of offices) {
      const config = (await loadConfig(db, id))!;
      prepared.push({ id, services: [...config.services.values()], counters: [...config.counters.values()], timeZone: config.office.timeZone, schedule: config.office.schedule });
    }
    return { prepared, admin };
  } finally {
    await db.close();
  }
}

/** Each office its own stream: office-1 of `--offices` has the history `main` would have had with the same seed. */
const randomFor = (index: number): Random => createRandom(seed + index * 1_000_003);

async function main(): Promise<void> {
  const dataDir = resolve(dataDirOption);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'talon.sqlite');
  const { prepared, admin } = await prepareOffices(file, historyOffices(OFFICES, SINGLE_OFFICE_ID));
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const opened = new sqlite3.Database(file, (err) => (err ? fail(err) : ok(opened)));
  });
  // Bulk load: durability per commit buys nothing here; the file is synced when we close it.
  await run(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
  const insertTickets = batchInsert(
    db,
    `INSERT INTO tickets (office_id, id, issued_service_id, service_id, service_day, number, code, status, outcome, source, priority_kind,
       issued_at, called_at, started_at, finished_at, counter_id, data) VALUES`,
    17,
  );
  const insertRows = batchInsert(db, 'INSERT INTO journal (office_id, seq, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note) VALUES', 11);
  const periods: { office: PreparedOffice; from: LocalDate; to: LocalDate }[] = [];
  const started = performance.now();
  let ticketCount = 0;
  let rowCount = 0;
  for (const [index, office] of prepared.entries()) {
    const rand = randomFor(index);
    const end = endOption ?? addDays(localDate(Date.now(), office.timeZone), -1);
    periods.push({ office, from: addDays(end, 1 - DAYS), to: end });
    // `--per-day` is the mean over calendar days: closed days push their visitors onto open ones.
    const openDays = Array.from({ length: DAYS }, (_, i) => addDays(end, i - DAYS + 1)).flatMap((date) => {
      return hoursOn(office.schedule, date) ? [{ date, load: dayLoad(rand, date) }] : [];
    });
    const perLoad = (PER_DAY * DAYS) / openDays.reduce((sum, d) => sum + d.load, 0);
    // The office's journal numbers its events from 1 without gaps, as its engine does.
    let seq = 0;
    for (const { date, load } of openDays) {
      const day = simulateDay(rand, date, office, load * perLoad, office.services, office.counters);
      await run(db, 'BEGIN');
      await insertRows.write(day.rows.map((r) => [office.id, ++seq, r.at, r.kind, r.ticketId, r.counterId, r.serviceId, r.actor, r.from, r.to, r.note]));
      await insertTickets.write(
        day.tickets.map((t) => [
          office.id, t.id, day.issuedService.get(t.id) ?? t.serviceId, t.serviceId, t.serviceDay, t.number, t.code, t.status, t.outcome, t.source, t.priority.kind,
          t.issuedAt, t.calledAt, t.startedAt, t.finishedAt, t.counterId, JSON.stringify(t),
        ]),
      );
      await run(db, 'COMMIT');
      ticketCount += day.tickets.length;
      rowCount += day.rows.length;
    }
  }
  await insertTickets.finalize();
  await insertRows.finalize();
  await run(db, 'PRAGMA wal_checkpoint(TRUNCATE);');
  await new Promise<void>((ok, fail) => db.close((err) => (err ? fail(err) : ok())));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where = prepared.length === 1 ? '' : ` in ${prepared.length} offices`;
  console.log(`wrote ${ticketCount} tickets and ${rowCount} journal rows for ${DAYS} days ending ${periods[0]!.to}${where} into ${file} in ${seconds} s`);
  await summariseHistory(file, periods);
  if (admin?.generatedPassword) {
    console.log(`\nNew data folder: sign in as "${admin.login}" with the one-time password ${admin.generatedPassword}`);
    console.log('(shown only now; set TALON_ADMIN_PASSWORD to choose it yourself)');
  } else if (admin) {
    console.log(`\nNew data folder: sign in as "${admin.login}" with the password from TALON_ADMIN_PASSWORD`);
  }
}

/**
 * Day summaries for every generated day of every office, so the first report does not have to replay
 * the year, each with its regional digest (and each finished month's), as the server stores them.
 */
async function summariseHistory(file: string, periods: readonly { office: PreparedOffice; from: LocalDate; to: LocalDate }[]): Promise<void> {
  const started = performance.now();
  const db = await SqliteDatabase.open(file);
  try {
    let days = 0;
    for (const { office, from, to } of periods) {
      const targets = new Map(office.services.map((service) => [service.id, service]));
      days += await new AnalyticsStore(db, office.id, Date.now, storeDayDigests(office.id, () => targets)).summarise(from, to, office.timeZone);
    }
    console.log(`summarised ${days} days for analytics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`generate-history: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
