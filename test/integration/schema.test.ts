import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migratedSchemaOf } from '../../db/schema-snapshot';
import type { Database, Queryable } from '../../server/store/database';
import { migrate, migrationsDir, MigrationMismatchError, readMigrations } from '../../server/store/migrate';
import { schemaSnapshotFile } from '../../server/store/schema-catalog';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { runTalonCli } from '../support/talon-cli';
import { freePort, launchTalon, spawnTalon } from '../support/talon-process';
import { freshDatabase, onlyOn, TEST_ENGINE } from '../support/test-database';

const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function testDatabase(): Promise<Database> {
  return (await testDataFolder()).db;
}

async function testDataFolder(): Promise<{ db: Database; dataDir: string }> {
  const made = await freshDatabase('talon-schema-');
  opened.push(made.db);
  return made;
}

/** A folder with this engine's migrations in it, to edit. */
function copiedMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talon-migrations-'));
  for (const name of readdirSync(migrationsDir(TEST_ENGINE))) copyFileSync(join(migrationsDir(TEST_ENGINE), name), join(dir, name));
  return dir;
}

it(`migrates a fresh ${TEST_ENGINE} database to exactly the checked-in schema (run \`npm run schema:snapshot\` after a migration)`, async () => {
  expect(await migratedSchemaOf(await testDatabase())).toBe(readFileSync(schemaSnapshotFile(TEST_ENGINE), 'utf8'));
});

it('refuses a database whose applied migration was edited afterwards', async () => {
  const dir = copiedMigrations();
  const db = await testDatabase();
  await migrate(db, dir);
  const first = readdirSync(dir).sort()[0]!;
  writeFileSync(join(dir, first), `${readFileSync(join(dir, first), 'utf8')}\n-- edited\n`);
  await expect(migrate(db, dir)).rejects.toBeInstanceOf(MigrationMismatchError);
});

it('refuses a database that has a migration this Talon does not know', async () => {
  const dir = copiedMigrations();
  const db = await testDatabase();
  await migrate(db, dir);
  await db.transaction((tx) => tx.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_from_the_future.sql', 'x', 0)"));
  await expect(migrate(db, dir)).rejects.toThrow(/9999_from_the_future\.sql, which this version of Talon does not know/);
});

/** A migrated data folder whose database `alter` then changes, closed so that a server can take it. */
async function alteredDataFolder(alter: string[] = []): Promise<string> {
  const { db, dataDir } = await testDataFolder();
  await migrate(db);
  for (const sql of alter) await db.transaction((tx) => tx.exec(sql));
  await db.close();
  opened.splice(opened.indexOf(db), 1);
  return dataDir;
}

/** The fatal lines' messages a server started on `dataDir` logged before it exited; it must exit with 1. */
async function refusedStart(dataDir: string): Promise<string> {
  // Test servers log nothing unless asked; the refusal is a fatal line.
  const { child } = await launchTalon(dataDir, await freePort(), { TALON_LOG_LEVEL: 'fatal' });
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  // 'close', not 'exit': by then everything it printed has been read.
  const exitCode = await new Promise((resolve) => child.once('close', resolve));
  expect(exitCode).toBe(1);
  const lines = printed.split('\n').filter((line) => line.startsWith('{'));
  return lines.map((line) => (JSON.parse(line) as { msg: string }).msg).join('\n');
}

it('keeps the server from starting on a database whose applied migration was changed', async () => {
  const dataDir = await alteredDataFolder(["UPDATE schema_migrations SET checksum = 'edited' WHERE version = (SELECT max(version) FROM schema_migrations)"]);
  expect(await refusedStart(dataDir)).toMatch(/Talon refuses to start: Migration \d{4}_\w+\.sql was changed after it was applied/);
});

it('refuses a database that lacks an earlier migration than one it has, rather than apply it out of order', async () => {
  const db = await testDatabase();
  await migrate(db);
  const files = await readMigrations(migrationsDir(TEST_ENGINE));
  const [skipped, newest] = [files.at(-2)!.name, files.at(-1)!.name];
  await db.transaction((tx) => tx.run('DELETE FROM schema_migrations WHERE name = ?', [skipped]));
  await expect(migrate(db)).rejects.toThrow(`The database has migration ${newest} but not the earlier ${skipped}`);
  expect(await db.read.get('SELECT 1 AS found FROM schema_migrations WHERE name = ?', [skipped])).toBeUndefined();
});

const SNAPSHOT = TEST_ENGINE === 'sqlite' ? 'db/schema.sql' : 'db/schema.postgres.sql';
const SOURCE_COLUMN = TEST_ENGINE === 'sqlite' ? 'source TEXT NOT NULL' : 'source text COLLATE "C" NOT NULL';
const NOTE_COLUMN = TEST_ENGINE === 'sqlite' ? 'note TEXT' : 'note text';

describe('a schema changed by hand, its migrations intact', () => {
  it.each([
    ['a column dropped', ['ALTER TABLE tickets DROP COLUMN source'], [`table tickets lacks column source \`${SOURCE_COLUMN}\``]],
    ['a column added', ['ALTER TABLE tickets ADD COLUMN note TEXT'], [`table tickets has column note \`${NOTE_COLUMN}\`, which the snapshot has not`]],
    ['a UNIQUE index added', ['CREATE UNIQUE INDEX one_code_per_office ON tickets (office_id, code)'], ['index one_code_per_office is not in the snapshot']],
  ])('%s: the server refuses to start, naming it, and check-db fails', async (_, alter, differences) => {
    const dataDir = await alteredDataFolder(alter);
    const said = `The database's schema differs from ${SNAPSHOT}: ${differences.join('; ')}`;

    expect(await refusedStart(dataDir)).toContain(`Talon refuses to start: ${said}. Restore a matching database or Talon version.`);
    const checked = await runTalonCli(['check-db', '--data-dir', dataDir]);
    expect(checked.code).not.toBe(0);
    expect(checked.stdout).toContain(`Schema: differs from ${SNAPSHOT}: ${differences.join('; ')}\n`);
  });

  it("a table and an index added (a DBA's, an extension's): the server starts, warning of them, and check-db warns and passes", async () => {
    const dataDir = await alteredDataFolder(['CREATE TABLE stray (id INTEGER)', 'CREATE INDEX tickets_by_code ON tickets (office_id, code)']);
    const warning = `has more than ${SNAPSHOT}, which Talon leaves alone: table stray is not in the snapshot; index tickets_by_code is not in the snapshot`;

    const checked = await runTalonCli(['check-db', '--data-dir', dataDir]);
    expect(checked.stdout).toContain(`Schema: as in ${SNAPSHOT}\nWarning: the database ${warning}\n`);
    expect(checked.code).toBe(0);
    const server = await spawnTalon(dataDir, await freePort(), { TALON_LOG_LEVEL: 'warn' });
    await server.kill9();
    expect(server.output()).toContain(`"msg":"The database ${warning}"`);
  });

  it('a clean database: check-db finds the schema as in the snapshot, and the server starts', async () => {
    const dataDir = await alteredDataFolder();

    const checked = await runTalonCli(['check-db', '--data-dir', dataDir]);
    expect(checked.stdout).toContain(`Schema: as in ${SNAPSHOT}\n`);
    expect(checked.code).toBe(0);
    const server = await spawnTalon(dataDir, await freePort());
    await server.kill9();
  });
});

it('rolls back a migration that leaves a row referring to nothing, and keeps foreign keys on after it', async () => {
  // SQLite migrates with foreign keys off so that it can rebuild tables; the check before commit
  // still holds it to every reference. PostgreSQL checks each statement.
  const dir = mkdtempSync(join(tmpdir(), 'talon-migrations-'));
  writeFileSync(join(dir, '0001_parent.sql'), 'CREATE TABLE parent (id TEXT PRIMARY KEY);\nCREATE TABLE child (parent_id TEXT NOT NULL REFERENCES parent (id));\n');
  writeFileSync(join(dir, '0002_orphan.sql'), "INSERT INTO child (parent_id) VALUES ('nobody');\n");
  const db = await testDatabase();
  await expect(migrate(db, dir)).rejects.toThrow(/refer to rows that do not exist|violates foreign key constraint/);
  expect(await db.read.all('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
  expect(await db.read.all('SELECT * FROM child')).toEqual([]);
  await expect(db.transaction((tx) => tx.run("INSERT INTO child (parent_id) VALUES ('nobody')"))).rejects.toThrow(/FOREIGN KEY|foreign key/);
});

interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
}

/** What the engines' types stand for: both store the same values in them. */
const SAME_KIND: Record<string, string> = { INTEGER: 'integer', integer: 'integer', bigint: 'integer', TEXT: 'text', text: 'text', BLOB: 'bytes', bytea: 'bytes' };

/** Only PostgreSQL's: the insertion order SQLite's rowid gives, and @socket.io/postgres-adapter's table. */
const POSTGRES_ONLY = (c: Column) => (c.table === 'print_jobs' && c.column === 'pos') || c.table === 'socket_io_attachments';

async function columnsOf(read: Queryable): Promise<Column[]> {
  const rows =
    read.engine === 'sqlite'
      ? await read.all<{ table: string; column: string; type: string; notNull: number }>(
          `SELECT m.name AS "table", p.name AS "column", p.type AS "type", p."notnull" OR p.pk > 0 AS "notNull"
           FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
        )
      : await read.all<{ table: string; column: string; type: string; notNull: number }>(
          `SELECT table_name AS "table", column_name AS "column", data_type AS "type", CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END AS "notNull"
           FROM information_schema.columns WHERE table_schema = current_schema()`,
        );
  return rows
    .map((r) => ({ table: r.table, column: r.column, type: SAME_KIND[r.type] ?? r.type, notNull: Boolean(r.notNull) }))
    .sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

onlyOn('postgres')('both engines', () => {
  it('give every table the same columns, of the same kind and nullability, once migrated', async () => {
    const postgres = await testDatabase();
    const sqlite = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'talon-schema-')), 'talon.sqlite'));
    opened.push(sqlite);
    await migrate(postgres);
    await migrate(sqlite);
    const postgresColumns = await columnsOf(postgres.read);
    expect(postgresColumns.filter(POSTGRES_ONLY).map((c) => `${c.table}.${c.column}`)).toEqual([
      'print_jobs.pos',
      'socket_io_attachments.created_at',
      'socket_io_attachments.id',
      'socket_io_attachments.payload',
    ]);
    expect(postgresColumns.filter((c) => !POSTGRES_ONLY(c))).toEqual(await columnsOf(sqlite.read));
  });
});
