// `talon restore` refuses what it must (a backup from a newer Talon, a file that is not a sound Talon
// database), takes a backup from an older Talon and keeps the database it replaces; the next start
// backs that older database up before migrating it. `talon check-db` reports and summarises.
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkDbCommand } from '../../server/cli/check-db-command';
import { restoreCommand } from '../../server/cli/restore-command';
import { backupBeforeMigrating } from '../../server/ops/backup-before-migration';
import { databaseCopy } from '../../server/ops/database-copy';
import type { Database } from '../../server/store/database';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { migrate, migrationsDir, readMigrations } from '../../server/store/migrate';
import { lastSeq } from '../../server/store/queue-store';
import { runCommand } from '../support/talon-cli';
import { call, officeApi, startTalon } from '../support/talon-server';
import { onlyOn } from '../support/test-database';

const OLD_TALON_DATABASE = join(import.meta.dirname, '..', 'fixtures', 'main-2026-12-02.sqlite');

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `talon-${name}-`));

/** A database this Talon made (every migration applied, no data), closed: one file. */
async function talonDatabase(file = join(tempDir('backup-file'), 'backup.sqlite'), change?: (db: Database) => Promise<unknown>): Promise<string> {
  const db = await SqliteDatabase.open(file);
  await migrate(db);
  await change?.(db);
  await db.close();
  return file;
}

/** A data folder whose database is already there, to see that a refused restore leaves it alone. */
async function dataFolderWithDatabase(): Promise<{ dataDir: string; content: Buffer }> {
  const dataDir = tempDir('restore-into');
  await talonDatabase(join(dataDir, 'talon.sqlite'));
  return { dataDir, content: readFileSync(join(dataDir, 'talon.sqlite')) };
}

const restore = (file: string, dataDir: string) => runCommand(restoreCommand, [file, '--data-dir', dataDir]);

// SQLite only: these copy, restore and check SQLite files (PostgreSQL's backups are pg_dump's).
onlyOn('sqlite')('talon restore', () => {
  it('refuses a backup from a newer Talon, whose migrations this one does not know, and leaves the database alone', async () => {
    const newer = await talonDatabase(undefined, (db) =>
      db.transaction((tx) => tx.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_from_the_future.sql', 'x', 0)")),
    );
    const { dataDir, content } = await dataFolderWithDatabase();

    await expect(restore(newer, dataDir)).rejects.toThrow(/does not fit this version of Talon: .*9999_from_the_future\.sql.*newer Talon/);
    expect(readFileSync(join(dataDir, 'talon.sqlite')).equals(content)).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('talon.sqlite.'))).toEqual([]);
  });

  it('refuses a SQLite database that is not Talon’s, and a file that is no database at all', async () => {
    const notTalon = join(tempDir('not-talon'), 'notes.sqlite');
    const db = await SqliteDatabase.open(notTalon);
    await db.transaction((tx) => tx.exec('CREATE TABLE notes (text TEXT)'));
    await db.close();
    const text = join(tempDir('not-sqlite'), 'notes.txt');
    writeFileSync(text, 'a shopping list, not a database\n'.repeat(200));
    const { dataDir, content } = await dataFolderWithDatabase();

    await expect(restore(notTalon, dataDir)).rejects.toThrow(/is not a Talon database/);
    await expect(restore(text, dataDir)).rejects.toThrow(/is not a SQLite database/);
    await expect(restore(join(dataDir, 'no-such-backup.sqlite'), dataDir)).rejects.toThrow(/no file at/);
    expect(readFileSync(join(dataDir, 'talon.sqlite')).equals(content)).toBe(true);
  });

  it('refuses a Talon database that fails SQLite’s integrity check', async () => {
    let page = { size: 0, number: 0 };
    const damaged = await talonDatabase(undefined, async (db) => {
      const size = (await db.read.get<{ page_size: number }>('PRAGMA page_size'))!.page_size;
      const tickets = (await db.read.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'tickets'"))!.rootpage;
      page = { size, number: tickets };
    });
    // The tickets table's page overwritten, as a failing disk might.
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(page.size, 0x55), 0, page.size, (page.number - 1) * page.size);
    closeSync(fd);
    const { dataDir, content } = await dataFolderWithDatabase();

    await expect(restore(damaged, dataDir)).rejects.toThrow(/fails SQLite's integrity check/);
    expect(readFileSync(join(dataDir, 'talon.sqlite')).equals(content)).toBe(true);
  });

  it('takes a backup from an older Talon and keeps the database it replaces; the next start backs it up before migrating it', async () => {
    const { dataDir, content } = await dataFolderWithDatabase();

    const printed = await restore(OLD_TALON_DATABASE, dataDir);

    expect(printed).toContain('The backup is from an older Talon: the next start backs it up and applies 0009_offices.sql');
    const aside = readdirSync(dataDir).find((name) => name.startsWith('talon.sqlite.replaced-'))!;
    expect(readFileSync(join(dataDir, aside)).equals(content)).toBe(true);
    expect(printed).toContain(`The database it replaced is kept at ${join(dataDir, aside)}`);

    const backups = join(dataDir, 'backups');
    const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
    await migrate(db, migrationsDir('sqlite'), backupBeforeMigrating(databaseCopy({ engine: 'sqlite', file: join(dataDir, 'talon.sqlite') }), backups));
    await db.close();
    const [beforeMigrating, ...others] = readdirSync(backups);
    expect(others).toEqual([]);
    expect(beforeMigrating).toMatch(/^talon-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-before-0009_offices\.sqlite$/);
    const copy = await SqliteDatabase.open(join(backups, beforeMigrating!));
    const versions = await copy.read.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await copy.close();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('makes no backup before the migrations of a new, empty database', async () => {
    const dataDir = tempDir('fresh');
    const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
    await migrate(db, migrationsDir('sqlite'), backupBeforeMigrating(databaseCopy({ engine: 'sqlite', file: join(dataDir, 'talon.sqlite') }), join(dataDir, 'backups')));
    await db.close();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});

// SQLite only: these check SQLite's integrity and foreign keys, and an older Talon's SQLite file;
// database-ops-postgres.test.ts checks what check-db says on PostgreSQL.
onlyOn('sqlite')('talon check-db', () => {
  it('finds a served database sound and current, and gives each office its tickets and last event', async () => {
    const server = await startTalon();
    const issued = await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    expect(issued.body.ok).toBe(true);
    const last = await lastSeq(server.db.read, server.office);
    const printed = await runCommand(checkDbCommand, ['--data-dir', server.dataDir]).finally(() => server.close());
    const known = (await readMigrations(migrationsDir('sqlite'))).length;

    expect(printed).toContain('Integrity: ok\nForeign keys: ok\n');
    expect(printed).toContain(`Migrations: ${known} of ${known} applied (current)`);
    expect(printed).toContain('Offices: 1\n');
    expect(printed).toMatch(new RegExp(`  ${server.office}: 1 tickets, last event #${last} at \\d{4}-\\d\\d-\\d\\dT`));
  });

  it('names the migrations an older database still needs and leaves the summary for later', async () => {
    const dataDir = tempDir('check-old');
    copyFileSync(OLD_TALON_DATABASE, join(dataDir, 'talon.sqlite'));

    const printed = await runCommand(checkDbCommand, ['--data-dir', dataDir]);

    expect(printed).toMatch(/Migrations: 8 of \d+ applied; the next start applies 0009_offices\.sql/);
    expect(printed).toContain('Offices: not summarised until the database is migrated to this Talon');
  });
});
