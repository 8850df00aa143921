import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migratedSchemaOf, SCHEMA_FILES } from '../../db/schema-snapshot';
import type { Database, Queryable } from '../../server/store/database';
import { migrate, migrationsDir, MigrationMismatchError } from '../../server/store/migrate';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { freePort, launchTalon } from '../support/talon-process';
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
  expect(await migratedSchemaOf(await testDatabase())).toBe(readFileSync(SCHEMA_FILES[TEST_ENGINE], 'utf8'));
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

it('keeps the server from starting on a database whose applied migration was changed', async () => {
  const { db, dataDir } = await testDataFolder();
  await migrate(db);
  await db.transaction((tx) => tx.run("UPDATE schema_migrations SET checksum = 'edited' WHERE version = (SELECT max(version) FROM schema_migrations)"));
  await db.close();
  opened.splice(opened.indexOf(db), 1);
  // Test servers log nothing unless asked; the refusal is a fatal line.
  const { child } = await launchTalon(dataDir, await freePort(), { TALON_LOG_LEVEL: 'fatal' });
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  // 'close', not 'exit': by then everything it printed has been read.
  const exitCode = await new Promise((resolve) => child.once('close', resolve));
  expect(exitCode).toBe(1);
  expect(printed).toMatch(/Talon refuses to start: Migration \d{4}_\w+\.sql was changed after it was applied/);
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
