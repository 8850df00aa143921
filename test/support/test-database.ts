// The database a test runs on. Unset TALON_TEST_DATABASE: a SQLite file in the test's data folder,
// as Talon keeps it. A `postgres://` base URL (the `postgres` test project): a database of its own
// on that server for every data folder, made from a template and dropped when the test file ends.
// A data folder names its PostgreSQL database in `database-url`, so a restart, a spawned server
// (TALON_DATABASE_URL) and a talon command find the same one.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Database, DatabaseEngine } from '../../server/store/database';
import { databaseLocation, openDatabase } from '../../server/store/open-database';
import { databaseFile } from '../../server/store/sqlite-database';
import { adminUrl, databaseUrl, TEST_DATABASE_PREFIX, TEST_TEMPLATE_PREFIX } from './test-database-names';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's id (the vitest process's pid): in every database and template folder it names, so a later run tells leftovers from live ones. */
    talonTestRun: string;
  }
}

const BASE_URL = process.env.TALON_TEST_DATABASE || undefined;
if (BASE_URL && !BASE_URL.startsWith('postgres://')) throw new Error(`TALON_TEST_DATABASE must be a postgres:// URL, not ${BASE_URL}`);

export const TEST_ENGINE: DatabaseEngine = BASE_URL ? 'postgres' : 'sqlite';

/** `onlyOn('sqlite')('…', () => …)`: a describe that runs on that engine alone; say why beside it. */
export function onlyOn(engine: DatabaseEngine): ReturnType<typeof describe.runIf> {
  return describe.runIf(TEST_ENGINE === engine);
}

/**
 * The run's id from test/support/global-setup.ts, which every project of vitest.config.ts runs.
 * Outside vitest (the benchmarks start servers through this file too) this process stands for the run.
 */
function run(): string {
  if (!process.env.VITEST) return String(process.pid);
  const id = inject('talonTestRun');
  if (!id) throw new Error('no test run id: run the tests through vitest.config.ts (its globalSetup provides it)');
  return id;
}

const URL_FILE = 'database-url';
/**
 * Two vitest workers run servers at once and max_connections is 100, so each pool stays small: one
 * of its six listens for the other nodes (cluster bus), five work. On top of it a server keeps the
 * Socket.IO adapter's own pool of two (socket-adapter.ts) and a connection per lock it holds.
 */
const POOL_SIZE = 6;

/** The PostgreSQL database a data folder names, if it names one. */
function recordedUrl(dataDir: string): string | undefined {
  const file = join(dataDir, URL_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function postgresBase(): string {
  if (!BASE_URL) throw new Error('not testing on PostgreSQL');
  return BASE_URL;
}

/** Enough for a file's drops to share their checkpoints (dropTestDatabases), few beside max_connections. */
const ADMIN_CONNECTIONS = 8;
let admin: pg.Pool | undefined;
/** A connection to the server's `postgres` database, for CREATE and DROP DATABASE. */
function administration(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: adminUrl(postgresBase()), max: ADMIN_CONNECTIONS, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  return admin;
}

/** Databases this test file made; the test setup drops them once the file is done (dropTestDatabases). */
const made = new Set<string>();

async function createPostgresDatabase(template?: string): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${run()}_${randomUUID().replaceAll('-', '')}`;
  await administration().query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  made.add(name);
  return databaseUrl(postgresBase(), name);
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Whether the data folder has its database already (a restart, or a test that filled it). */
export function hasTestDatabase(dataDir: string): boolean {
  return TEST_ENGINE === 'postgres' ? recordedUrl(dataDir) !== undefined : existsSync(databaseFile(dataDir));
}

/**
 * Gives `dataDir` a database of its own: empty, or a copy of the one in `from` (a data folder
 * whose database nothing is connected to — PostgreSQL copies only an idle template) together
 * with the files beside it.
 */
export async function createTestDatabase(dataDir: string, from?: string): Promise<void> {
  if (from) {
    for (const file of readdirSync(from, { withFileTypes: true })) {
      if (file.isFile() && file.name !== URL_FILE && !file.name.startsWith('talon.sqlite')) copyFileSync(join(from, file.name), join(dataDir, file.name));
    }
  }
  if (TEST_ENGINE === 'sqlite') {
    if (from) copyFileSync(databaseFile(from), databaseFile(dataDir));
    return;
  }
  const template = from ? recordedUrl(from) : undefined;
  if (from && !template) throw new Error(`${from} has no PostgreSQL database to copy`);
  writeFileSync(join(dataDir, URL_FILE), await createPostgresDatabase(template && databaseName(template)));
}

/** Opens the data folder's database as the server would with databaseEnv's environment: a test-sized pool on PostgreSQL. */
export async function openTestDatabase(dataDir: string): Promise<Database> {
  if (TEST_ENGINE === 'postgres' && !hasTestDatabase(dataDir)) throw new Error(`${dataDir} has no test database (createTestDatabase first)`);
  return openDatabase(databaseLocation(databaseEnv(dataDir), dataDir));
}

/** A new data folder with an empty database of its own, opened: for tests of stores and migrations. */
export async function freshDatabase(prefix = 'talon-db-'): Promise<{ db: Database; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  await createTestDatabase(dataDir);
  return { db: await openTestDatabase(dataDir), dataDir };
}

/** What a Talon process (server or talon command) on this data folder needs in its environment to find the database. */
export function databaseEnv(dataDir: string): Record<string, string> {
  const url = TEST_ENGINE === 'postgres' ? recordedUrl(dataDir) : undefined;
  return url ? { TALON_DATABASE_URL: url, TALON_DATABASE_POOL: String(POOL_SIZE) } : {};
}

/** Before a Talon process starts on a data folder: an empty database of its own unless it has one, and the environment naming it. */
export async function processDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (TEST_ENGINE === 'postgres' && !hasTestDatabase(dataDir)) await createTestDatabase(dataDir);
  return databaseEnv(dataDir);
}

/**
 * A data folder built once per test worker and copied (createTestDatabase(dataDir, template)) by
 * each test that needs it: migrating, seeding and hashing passwords takes seconds, and every test
 * would pay them again. Test files run one after another in a worker, each with fresh modules, so
 * the template is found again by its name; it is published (renamed into place) only once whole.
 */
export async function templateDataDir(key: string, build: (db: Database, dataDir: string) => Promise<void>): Promise<string> {
  const worker = process.env.VITEST_POOL_ID ?? '0';
  const name = `${run()}_${TEST_ENGINE}_${worker}_${key.replaceAll(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const published = join(tmpdir(), `${TEST_TEMPLATE_PREFIX}${name}`);
  if (existsSync(published)) return published;
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-template-building-'));
  await createTestDatabase(dataDir);
  const db = await openTestDatabase(dataDir);
  await build(db, dataDir);
  await db.close();
  if (TEST_ENGINE === 'postgres') {
    // Renamed, and so kept beyond this file: the run's end drops it (global-setup.ts).
    const building = databaseName(recordedUrl(dataDir)!);
    made.delete(building);
    await administration().query(`ALTER DATABASE "${building}" RENAME TO "${TEST_TEMPLATE_PREFIX}${name}"`);
    writeFileSync(join(dataDir, URL_FILE), databaseUrl(postgresBase(), `${TEST_TEMPLATE_PREFIX}${name}`));
  }
  renameSync(dataDir, published);
  return published;
}

/**
 * Drops the databases this test file made (the test setup's afterAll), whoever is still connected
 * to them. All at once: every DROP DATABASE waits for a checkpoint, and concurrent ones share it.
 */
export async function dropTestDatabases(): Promise<void> {
  const names = [...made];
  made.clear();
  await Promise.all(names.map((name) => administration().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  await admin?.end();
  admin = undefined;
}
