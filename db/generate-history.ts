// `npm run generate-history -- --days 365 --per-day 2000 --data-dir ./data [--seed 1] [--end YYYY-MM-DD]` (`--help` lists them)
// Fills a fresh Talon database with a believable past: arrivals by weekday and hour with morning and
// afternoon peaks, benefit days early in the month and a winter season; service times per service;
// recalls, no-shows, walk-outs, transfers and appointments; booths opened to match demand, pausing
// for their planned breaks within the office's hours. Tickets and journal rows are written exactly
// as the engine writes them (test/integration/history-generator.test.ts checks that), one
// transaction per day through prepared statements. The same seed gives the same history. Every day
// is then summarised for analytics, as the server would on its first report.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { Counter, LocalDate, OfficeSchedule, Service } from '../common/protocol';
import { AnalyticsStore } from '../server/analytics/analytics-store';
import { ensureAdmin, type AdminBootstrap } from '../server/auth/bootstrap';
import { hoursOn } from '../server/domain/schedule';
import { addDays, localDate } from '../common/time/calendar';
import { loadConfig, saveCounter, saveService } from '../server/store/config-store';
import { Database } from '../server/store/database';
import { migrate } from '../server/store/migrate';
import { seedDemoOffice } from '../server/store/seed';
import { createUsersStore } from '../server/store/users-store';
import { batchInsert, run } from './history/bulk-insert';
import { parseOptions, USAGE, type HistoryOptions } from './history/options';
import { createRandom } from './history/random';
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
const { days: DAYS, perDay: PER_DAY, seed, dataDir: dataDirOption, end: endOption }: HistoryOptions = parsed.options;
const rand = createRandom(seed);

interface PreparedOffice {
  services: Service[];
  counters: Counter[];
  timeZone: string;
  schedule: OfficeSchedule;
  admin: AdminBootstrap | null;
}

async function prepareOffice(file: string): Promise<PreparedOffice> {
  const db = await Database.open(file);
  try {
    await migrate(db);
    const existing = await db.read.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    if (existing && existing.n > 0) throw new Error(`${file} already has ${existing.n} tickets; generate history into an empty data directory`);
    const now = Date.now();
    await seedDemoOffice(db, now, { allDay: false });
    // Before the history's staff exist: the server makes the first admin only while there are no users.
    const admin = await ensureAdmin({ users: createUsersStore(db) }, process.env);
    const config = await loadConfig(db);
    if (!config) throw new Error('no office after seeding');
    // Enough booths for the busiest hour at ~85 % occupancy, and numbers for a busy day.
    const peakPerHour = (PER_DAY * 1.4 * 1.6 * 1.5) / 8;
    const boothsNeeded = Math.max(config.counters.size, Math.ceil((peakPerHour * MEAN_SERVICE) / 60 / 0.85) + 1);
    // Added booths take the demo booths' staggered breaks in turn, so the hall is never left empty.
    const templates = [...config.counters.values()].filter((c) => c.id.startsWith('booth-'));
    await db.transaction(async (tx) => {
      for (const service of config.services.values()) await saveService(tx, { ...service, endNumber: 9999 }, now);
      for (let n = config.counters.size + 1; n <= boothsNeeded; n++) {
        const template = templates[(n - 1) % templates.length]!;
        await saveCounter(tx, { ...template, id: `booth-${n}`, number: n, name: { ru: `Кабина ${n}`, uk: `Кабіна ${n}`, en: `Booth ${n}` } }, now);
      }
      // The history's staff have left: their accounts stay for the reports' names but cannot sign in.
      const staff = [
        ...Array.from({ length: boothsNeeded }, (_, i) => ({ id: `hist-${i + 1}`, login: `history-${i + 1}`, name: `Specialist ${i + 1}`, role: 'operator' })),
        { id: CONSULTANT, login: 'history-consultant', name: 'Consultant', role: 'consultant' },
      ];
      for (const user of staff) {
        await tx.run('INSERT OR IGNORE INTO users (id, login, name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)', [
          user.id, user.login, user.name, user.role, `disabled:${randomBytes(8).toString('hex')}`, now,
        ]);
      }
    });
    const final = (await loadConfig(db))!;
    return { services: [...final.services.values()], counters: [...final.counters.values()], timeZone: final.office.timeZone, schedule: final.office.schedule, admin };
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const dataDir = resolve(dataDirOption);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'talon.sqlite');
  const office = await prepareOffice(file);
  const end = endOption ?? addDays(localDate(Date.now(), office.timeZone), -1);
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
    return hoursOn(office.schedule, date) ? [{ date, load: dayLoad(rand, date) }] : [];
  });
  const perLoad = (PER_DAY * DAYS) / openDays.reduce((sum, d) => sum + d.load, 0);
  for (const { date, load } of openDays) {
    const day = simulateDay(rand, date, office, load * perLoad, office.services, office.counters);
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
  if (office.admin?.generatedPassword) {
    console.log(`\nNew data folder: sign in as "${office.admin.login}" with the one-time password ${office.admin.generatedPassword}`);
    console.log('(shown only now; set TALON_ADMIN_PASSWORD to choose it yourself)');
  } else if (office.admin) {
    console.log(`\nNew data folder: sign in as "${office.admin.login}" with the password from TALON_ADMIN_PASSWORD`);
  }
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

main().catch((error: unknown) => {
  console.error(`generate-history: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
