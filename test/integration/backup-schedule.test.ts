// The server's daily backups on a clock the test moves: one a day from the quiet hour on, none twice
// in a day across a restart (the database records the day), none over a file of the day's already in
// the folder, made late when the machine was off at that hour, the last N kept and every other file
// in the backup folder left alone.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DailyBackups } from '../../server/ops/backup-schedule';
import { backupSettings, type BackupSettings } from '../../server/ops/backup-settings';
import { databaseCopy } from '../../server/ops/database-copy';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { migrate, migrationsDir, readMigrations } from '../../server/store/migrate';
import { onlyOn } from '../support/test-database';

/** A moment in this machine's local time, as the schedule reads it: December 2026, day `day`. */
const local = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).getTime();

const opened: SqliteDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

interface LiveDatabase {
  file: string;
  db: SqliteDatabase;
}

async function liveDatabase(): Promise<LiveDatabase> {
  const file = join(mkdtempSync(join(tmpdir(), 'talon-daily-')), 'talon.sqlite');
  const db = await SqliteDatabase.open(file);
  opened.push(db);
  await migrate(db);
  return { file, db };
}

function scheduleOn(database: LiveDatabase, settings: Partial<BackupSettings> = {}) {
  let now = local(1, 0);
  const folder = join(mkdtempSync(join(tmpdir(), 'talon-daily-backups-')), 'backups');
  const whole: BackupSettings = { folder, kept: 3, hour: 3, ...settings };
  return {
    folder,
    at: (moment: number) => (now = moment),
    /** A server (re)started: a new schedule on the same folder and clock. */
    start: () => new DailyBackups(databaseCopy({ engine: 'sqlite', file: database.file }), whole, database.db, 'node-1', () => now),
  };
}

// SQLite only: these copy, restore and check SQLite files (PostgreSQL's backups are pg_dump's).
onlyOn('sqlite')('daily backups', () => {
  it('makes one backup a day from the quiet hour on, and none twice in a day across a restart', async () => {
    const database = await liveDatabase();
    const clock = scheduleOn(database);
    const server = clock.start();

    clock.at(local(1, 2, 59));
    expect(await server.runIfDue()).toBeUndefined();
    clock.at(local(1, 3, 0));
    expect(await server.runIfDue()).toBe(join(clock.folder, 'talon-daily-2026-12-01.sqlite'));
    clock.at(local(1, 23, 0));
    expect(await server.runIfDue()).toBeUndefined();
    expect(await clock.start().runIfDue()).toBeUndefined();
    expect(readdirSync(clock.folder)).toEqual(['talon-daily-2026-12-01.sqlite']);

    const copy = await SqliteDatabase.open(join(clock.folder, 'talon-daily-2026-12-01.sqlite'));
    const applied = await copy.read.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    await copy.close();
    expect(applied?.n).toBe((await readMigrations(migrationsDir('sqlite'))).length);
  });

  it('records the day in the database, and takes a file of the day’s already in the folder as made', async () => {
    const database = await liveDatabase();
    const clock = scheduleOn(database);
    clock.at(local(1, 3, 0));
    const file = await clock.start().runIfDue();
    expect(await database.db.read.all('SELECT day, node_id, file FROM daily_backups')).toEqual([{ day: '2026-12-01', node_id: 'node-1', file }]);

    // Restored from yesterday's backup: the database has no record of today's, the folder has it.
    await database.db.transaction((tx) => tx.run('DELETE FROM daily_backups'));
    clock.at(local(1, 9, 0));
    expect(await clock.start().runIfDue()).toBeUndefined();
    expect(readdirSync(clock.folder)).toEqual(['talon-daily-2026-12-01.sqlite']);
    expect(await database.db.read.all('SELECT day FROM daily_backups')).toEqual([{ day: '2026-12-01' }]);
  });

  it('keeps the last N daily backups, makes a missed day’s late, and leaves other files alone', async () => {
    const database = await liveDatabase();
    const clock = scheduleOn(database, { kept: 3 });
    const server = clock.start();
    clock.at(local(1, 3, 0));
    await server.runIfDue();
    const others = ['talon-2026-12-01T09-00-00Z-before-0011_retention.sqlite', 'talon-2026-12-01T10-00-00Z.sqlite', 'notes.txt'];
    for (const name of others) writeFileSync(join(clock.folder, name), '');

    // Switched off at night: each day's backup is made when the server is next up.
    for (const day of [2, 3, 4, 5, 6]) {
      clock.at(local(day, 9, 30));
      expect(await clock.start().runIfDue()).toBe(join(clock.folder, `talon-daily-2026-12-0${day}.sqlite`));
    }

    expect(readdirSync(clock.folder).sort()).toEqual([...others, 'talon-daily-2026-12-04.sqlite', 'talon-daily-2026-12-05.sqlite', 'talon-daily-2026-12-06.sqlite'].sort());
  });

  it('makes none when none are to be kept', async () => {
    const clock = scheduleOn(await liveDatabase(), { kept: 0 });
    clock.at(local(1, 12, 0));
    expect(await clock.start().runIfDue()).toBeUndefined();
    expect(existsSync(clock.folder)).toBe(false);
  });

  it('reads its settings from the environment and refuses a mistyped one', () => {
    expect(backupSettings({}, '/srv/talon')).toEqual({ folder: join('/srv/talon', 'backups'), kept: 14, hour: 3 });
    expect(backupSettings({ TALON_BACKUP_DIR: '/mnt/usb/talon', TALON_BACKUPS_KEPT: '30', TALON_BACKUP_HOUR: '22' }, '/srv/talon')).toEqual({ folder: '/mnt/usb/talon', kept: 30, hour: 22 });
    expect(() => backupSettings({ TALON_BACKUPS_KEPT: 'fourteen' }, '/srv/talon')).toThrow('TALON_BACKUPS_KEPT must be a whole number from 0 to 3650, not "fourteen"');
    expect(() => backupSettings({ TALON_BACKUP_HOUR: '24' }, '/srv/talon')).toThrow('TALON_BACKUP_HOUR must be a whole number from 0 to 23');
  });
});
