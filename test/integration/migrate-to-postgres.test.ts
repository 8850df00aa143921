// `npm run migrate-to-postgres`: real SQLite databases (a server's under load and idle, the fixture
// from before offices, a generated history) copied into fresh PostgreSQL databases by the real
// command, then read back independently on both sides, and a Talon started on the copy. PostgreSQL
// only (vitest.config.ts): the target is PostgreSQL whatever the project.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../common/protocol';
import { NOT_COPIED } from '../../db/migrate-to-postgres/tables';
import { DEMO_REGION_OFFICES } from '../../server/demo';
import type { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { PostgresDatabase } from '../../server/store/postgres-database';
import { databaseFile, SqliteDatabase } from '../../server/store/sqlite-database';
import { dataDirWithSqliteHistory } from '../support/history-data';
import type { CliRun } from '../support/talon-cli';
import { freePort, spawnTalon, type TalonProcess } from '../support/talon-process';
import { call, officeApi } from '../support/talon-server';
import { adminUrl, databaseUrl } from '../support/test-database-names';
import { issueUnderLoad } from '../support/ticket-load';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'main-2026-12-02.sqlite');
const BASE = process.env.TALON_TEST_DATABASE || 'postgres://postgres@127.0.0.1:5432';
/** The demo region's first office: operator1 and the documents, certificates and consultation services are there. */
const OFFICE = DEMO_REGION_OFFICES[0]!.id;
/** Say "this server on SQLite" to a spawned Talon, whatever the test project's engine. */
const ON_SQLITE = { TALON_DATABASE_URL: '' };

const admin = new pg.Pool({ connectionString: adminUrl(BASE), max: 1 });
const made: string[] = [];
const running: TalonProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.kill9()));
  for (const name of made.splice(0)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
afterAll(() => admin.end());

/** An empty PostgreSQL database of this test's own, dropped after it. */
async function targetDatabase(): Promise<string> {
  const name = `talon_migrate_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  made.push(name);
  return databaseUrl(BASE, name);
}

/** The command as an administrator runs it: `npm run migrate-to-postgres -- …`, or its entry under node (quicker). */
function migrateToPostgres(args: readonly string[], options: { via?: 'npm' | 'node'; env?: Record<string, string> } = {}): Promise<CliRun> {
  const [command, commandArgs] =
    options.via === 'npm'
      ? ['npm', ['run', '--silent', 'migrate-to-postgres', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', join(ROOT, 'db', 'migrate-to-postgres.ts'), ...args]];
  const child = spawn(command, commandArgs, { cwd: ROOT, env: { ...process.env, TALON_DATABASE_URL: '', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The final table's lines that name a table, as [table, rows sqlite, rows postgres, checksum sqlite, checksum postgres, ok]. */
function reportedTables(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const header = lines.findIndex((line) => line.startsWith('table '));
  return lines.slice(header + 1).map((line) => line.split(/\s+/)).filter((cells) => cells.length === 6);
}

/** A copy of `file` in a folder of its own, as a data folder keeps it. */
function copied(file: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'talon-migrate-source-')), 'talon.sqlite');
  copyFileSync(file, copy);
  return copy;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every row of every table the command copies, read without its code: rows as JSON with blobs in hex, sorted. PostgreSQL's own print_jobs.pos is left out. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const tables =
    db.engine === 'sqlite'
      ? await db.read.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await db.read.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
  const all: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (NOT_COPIED.has(name)) continue;
    const rows = await db.read.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    all[name] = rows
      .map(({ pos: _pos, ...row }) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])))
      .sort();
  }
  return all;
}

async function withDatabases<T>(sqliteFile: string, url: string, work: (sqlite: Database, postgres: Database) => Promise<T>): Promise<T> {
  const sqlite = await SqliteDatabase.open(sqliteFile);
  const postgres = await PostgresDatabase.open(url, { poolSize: 1 });
  try {
    return await work(sqlite, postgres);
  } finally {
    await sqlite.close();
    await postgres.close();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const db = await PostgresDatabase.open(url, { poolSize: 1 });
  try {
    const all = await contents(db);
    return Object.fromEntries(Object.entries(all).map(([table, rows]) => [table, rows.length]));
  } finally {
    await db.close();
  }
}

async function staffToken(server: TalonProcess): Promise<string> {
  const login = await call<{ token: string }>(server, '/api/auth/login', { body: { login: 'operator1', password: server.demo.staffPassword } });
  if (!login.body.ok) throw new Error('operator1 could not sign in');
  return login.body.data.token;
}

/**
 * What staff see of the office: its queue and today's journal. Without the moment it was asked, and
 * open tickets by id: a server that issued them holds them in the order they came, one that loaded
 * them in issue order, and tickets issued in the same millisecond may differ between the two.
 */
async function officeSeenBy(server: TalonProcess, token: string): Promise<{ queue: Omit<QueueSnapshot, 'serverTime'>; journal: unknown }> {
  const snapshot = await call<QueueSnapshot>(server, officeApi('/snapshot', OFFICE), { token });
  const journal = await call(server, officeApi('/journal', OFFICE), { token });
  if (!snapshot.body.ok || !journal.body.ok) throw new Error(`the office could not be read: ${JSON.stringify([snapshot.body, journal.body]).slice(0, 500)}`);
  const { serverTime: _serverTime, ...queue } = snapshot.body.data;
  return { queue: { ...queue, tickets: queue.tickets.toSorted((a, b) => a.id.localeCompare(b.id)) }, journal: journal.body.data };
}

it("copies a running office's database under load, then an idle one on which a Talon on PostgreSQL shows the same queue and journal as on SQLite", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-migrate-live-'));
  const server = await spawnTalon(dataDir, await freePort(), ON_SQLITE);
  running.push(server);
  const load = await issueUnderLoad(server, OFFICE);
  await load.reached(50);

  // Under load: from a snapshot, whole, every ticket acknowledged before it began included; TALON_DATABASE_URL is the default target.
  const busyCopy = await targetDatabase();
  const acknowledgedBefore = [...load.acknowledged];
  const underLoad = await migrateToPostgres(['--from', join(dataDir, 'talon.sqlite')], { via: 'npm', env: { TALON_DATABASE_URL: busyCopy } });
  await load.stop();
  expect(underLoad.stderr).toBe('');
  expect(underLoad.code).toBe(0);
  expect(underLoad.stdout).toContain('A Talon server is serving it: what it commits from now on is not in this copy.');
  expect(underLoad.stdout).toContain('every count and checksum agrees');
  const tables = reportedTables(underLoad.stdout);
  expect(tables.map(([table]) => table)).toContain('tickets');
  for (const [, rowsSqlite, rowsPostgres, sumSqlite, sumPostgres, ok] of tables) expect([rowsPostgres, sumPostgres, ok]).toEqual([rowsSqlite, sumSqlite, 'ok']);
  const busy = await PostgresDatabase.open(busyCopy, { poolSize: 1 });
  const copiedIds = new Set((await busy.read.all<{ id: string }>('SELECT id FROM tickets WHERE office_id = ?', [OFFICE])).map((t) => t.id));
  await busy.close();
  for (const ticket of acknowledgedBefore) expect(copiedIds.has(ticket.id)).toBe(true);

  // Idle: the copy is the office as its server shows it.
  const token = await staffToken(server);
  const onSqlite = await officeSeenBy(server, token);
  const idleCopy = await targetDatabase();
  const idle = await migrateToPostgres(['--from', join(dataDir, 'talon.sqlite'), '--to', idleCopy]);
  expect(idle.code).toBe(0);
  await withDatabases(join(dataDir, 'talon.sqlite'), idleCopy, async (sqlite, postgres) => expect(await contents(postgres)).toEqual(await contents(sqlite)));

  const copyDir = mkdtempSync(join(tmpdir(), 'talon-migrate-copy-'));
  // The demo's passwords and device keys live beside the database, not in it.
  copyFileSync(join(dataDir, 'demo-credentials.json'), join(copyDir, 'demo-credentials.json'));
  const onPostgres = await spawnTalon(copyDir, await freePort(), { TALON_DATABASE_URL: idleCopy });
  running.push(onPostgres);
  expect(onSqlite.queue.tickets.length).toBeGreaterThanOrEqual(50);
  // The session signed in on SQLite is a row like any other: it works on the copy.
  expect(await officeSeenBy(onPostgres, token)).toEqual(onSqlite);
}, 180_000);

it('copies the fixture from before offices, migrating its snapshot and leaving the file as it was, and a generated history; both sides read back alike, print jobs in the order they were made', async () => {
  const fixture = copied(FIXTURE);
  const before = sha256(fixture);
  const history = databaseFile(await dataDirWithSqliteHistory(['--days', '30', '--per-day', '60', '--offices', '2']));
  // The SQLite machine's backup record stays behind: the PostgreSQL nodes make their own first dump.
  const historyDb = await SqliteDatabase.open(history);
  await historyDb.transaction((tx) => tx.run("INSERT INTO daily_backups (day, node_id, file, made_at) VALUES ('2026-12-02', 'sqlite', 'talon-daily-2026-12-02.sqlite', 1)"));
  await historyDb.close();
  for (const source of [fixture, history]) {
    const url = await targetDatabase();
    const run = await migrateToPostgres(['--from', source, '--to', url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The fixture is read as it is: migrated here, in the test, to compare.
    const migrated = copied(source);
    const sqlite = await SqliteDatabase.open(migrated);
    await migrate(sqlite);
    await sqlite.close();
    await withDatabases(migrated, url, async (sqlite, postgres) => {
      const expected = await contents(sqlite);
      expect(await contents(postgres)).toEqual(expected);
      expect(expected.tickets!.length).toBeGreaterThan(0);
      for (const [table, rowsSqlite, rowsPostgres] of reportedTables(run.stdout)) expect([table, Number(rowsSqlite), Number(rowsPostgres)]).toEqual([table, expected[table!]!.length, expected[table!]!.length]);
      const made = await sqlite.read.all<{ id: string }>('SELECT id FROM print_jobs ORDER BY rowid');
      expect(await postgres.read.all<{ id: string }>('SELECT id FROM print_jobs ORDER BY pos')).toEqual(made);
      expect(await postgres.read.all('SELECT day FROM daily_backups')).toEqual([]);
    });
  }
  expect(sha256(fixture)).toBe(before);
}, 180_000);

it('refuses a target with rows, naming the table, and changes nothing in it', async () => {
  const url = await targetDatabase();
  const target = await PostgresDatabase.open(url, { poolSize: 1 });
  await migrate(target);
  await target.transaction((tx) => tx.run("INSERT INTO organisation (id, data, updated_at) VALUES (1, '{\"name\":{}}', 1)"));
  await target.close();
  const before = await rowCounts(url);

  const run = await migrateToPostgres(['--from', copied(FIXTURE), '--to', url]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('is not empty: organisation has rows; migrate-to-postgres copies only into a freshly migrated, empty database');
  expect(await rowCounts(url)).toEqual(before);
  expect(before.organisation).toBe(1);
});

it('exits non-zero and keeps nothing when a table arrives different', async () => {
  const url = await targetDatabase();
  const target = await PostgresDatabase.open(url, { poolSize: 1 });
  await migrate(target);
  // Something on the target changes what it is given: the checksums must see it.
  await target.transaction((tx) =>
    tx.exec(`CREATE FUNCTION garble() RETURNS trigger AS $$ BEGIN NEW.code := NEW.code || '!'; RETURN NEW; END $$ LANGUAGE plpgsql;
             CREATE TRIGGER garble BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION garble();`),
  );
  await target.close();

  const run = await migrateToPostgres(['--from', copied(FIXTURE), '--to', url]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('tickets arrived different from SQLite; nothing was kept in PostgreSQL');
  const tickets = reportedTables(run.stdout).find(([table]) => table === 'tickets')!;
  expect(tickets[1]).toBe(tickets[2]);
  expect(tickets[5]).toBe('MISMATCH');
  expect(reportedTables(run.stdout).filter(([, , , , , ok]) => ok === 'MISMATCH')).toHaveLength(1);
  expect(Object.values(await rowCounts(url)).every((rows) => rows === 0)).toBe(true);
});

it('refuses text PostgreSQL cannot hold, naming its row, and a database from a newer Talon', async () => {
  const withNul = copied(FIXTURE);
  const sqlite = await SqliteDatabase.open(withNul);
  await sqlite.transaction((tx) => tx.run("UPDATE users SET name = 'Ad' || char(0) || 'min' WHERE login = 'admin'"));
  const adminId = (await sqlite.read.get<{ id: string }>("SELECT id FROM users WHERE login = 'admin'"))!.id;
  await sqlite.close();
  const url = await targetDatabase();
  const nul = await migrateToPostgres(['--from', withNul, '--to', url]);
  expect(nul.code).toBe(1);
  expect(nul.stderr).toContain(`users row id = "${adminId}": column name contains a NUL character (U+0000)`);
  expect(Object.values(await rowCounts(url)).every((rows) => rows === 0)).toBe(true);

  const newer = copied(FIXTURE);
  const db = await SqliteDatabase.open(newer);
  await db.transaction((tx) => tx.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future.sql', 'x', 1)"));
  await db.close();
  const future = await migrateToPostgres(['--from', newer, '--to', url]);
  expect(future.code).toBe(1);
  expect(future.stderr).toContain('The database has migration 9999_future.sql, which this version of Talon does not know');
});

it("never prints the target's password: not in --help's default, not in a refusal", async () => {
  const secret = 'secret-password-for-tests';
  const help = await migrateToPostgres(['--help'], { env: { TALON_DATABASE_URL: `postgres://postgres:${secret}@127.0.0.1:5432/talon_migrate_nowhere` } });
  expect(help.code).toBe(0);
  const refused = await migrateToPostgres(['--from', copied(FIXTURE), '--to', `postgres://postgres:${secret}@127.0.0.1:5432/talon_migrate_nowhere`]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('cannot connect to postgres://postgres:***@127.0.0.1:5432/talon_migrate_nowhere');
  expect(help.stdout + help.stderr + refused.stdout + refused.stderr).not.toContain(secret);
});
