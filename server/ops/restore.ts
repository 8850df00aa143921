// Puts a backup in place of the data folder's database. Refused while a server (or another restore)
// uses the folder, and for a file that is not a sound Talon database or comes from a newer Talon; a
// backup from an older Talon is welcome, the next start migrates it (backing it up first).
//
// The replacement is atomic: the backup is copied into the data folder under another name, checked
// there (the very bytes that will be the database), synced and renamed over talon.sqlite. The
// database it replaces is kept beside it, its WAL folded in first so that the kept file is whole.
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Clock } from '../engine/queue-engine';
import type { Database } from '../store/database';
import { SqliteDatabase, databaseFile } from '../store/sqlite-database';
import { backupStamp } from './backup';
import { fsyncFile, fsyncFolder } from './backup-fsync';
import { hasMigrationsTable, integrityProblems, migrationStatus, type MigrationStatus } from './check-db';
import { lockDataFolder } from './restore-lock';

/** SQLite's companions of a database in WAL mode. */
const WAL_SUFFIXES = ['-wal', '-shm'];

export class RestoreRefused extends Error {}

export interface Restored {
  database: string;
  /** Where the database that was replaced is kept; none when the folder had none. */
  replaced?: string;
  /** Migrations this Talon has that the backup had not: the next start applies them. */
  pending: string[];
}

export async function restoreDatabase(backup: string, dataDir: string, clock: Clock = Date.now): Promise<Restored> {
  if (!existsSync(backup) || !(await stat(backup)).isFile()) throw new RestoreRefused(`no file at ${backup}`);
  // A new machine's data folder may not exist yet.
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataFolder(dataDir);
  const database = databaseFile(dataDir);
  const incoming = `${database}.restoring`;
  try {
    await removeWithCompanions(incoming);
    await copyFile(backup, incoming);
    const { pending } = await refuseUnlessRestorable(incoming, backup);
    await fsyncFile(incoming);
    const replaced = existsSync(database) ? await keepAside(database, backupStamp(clock())) : undefined;
    // The old database's WAL must go before the new file takes its name, or SQLite would replay it into the new one.
    await Promise.all(WAL_SUFFIXES.map((suffix) => rm(database + suffix, { force: true })));
    await rename(incoming, database);
    await fsyncFolder(dataDir);
    return { database, pending, ...(replaced ? { replaced } : {}) };
  } finally {
    await removeWithCompanions(incoming);
    await lock.release();
  }
}

/** Opens the copy to check it; what it finds wrong becomes the refusal's reason. */
async function refuseUnlessRestorable(file: string, shownAs: string): Promise<MigrationStatus> {
  let db: Database;
  try {
    db = await SqliteDatabase.open(file);
  } catch {
    throw new RestoreRefused(`${shownAs} is not a SQLite database`);
  }
  try {
    if (!(await hasMigrationsTable(db))) throw new RestoreRefused(`${shownAs} is not a Talon database (it has no schema_migrations)`);
    const migrations = await migrationStatus(db);
    if (migrations.mismatch) throw new RestoreRefused(`${shownAs} does not fit this version of Talon: ${migrations.mismatch}. A backup from a newer Talon needs that Talon`);
    const problems = await integrityProblems(db);
    if (problems.length > 0) throw new RestoreRefused(`${shownAs} fails SQLite's integrity check: ${problems[0]}`);
    return migrations;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${shownAs} cannot be read as a database: ${(error as Error).message}`);
  } finally {
    await db.close();
  }
}

/**
 * Copies the database about to be replaced to talon.sqlite.replaced-<moment>. Opening and closing it
 * folds its WAL into the file; one too damaged to open is kept as it is, its WAL beside the copy.
 */
async function keepAside(database: string, stamp: string): Promise<string> {
  const aside = `${database}.replaced-${stamp}`;
  await SqliteDatabase.open(database)
    .then((db) => db.close())
    .catch(() => undefined);
  await copyFile(database, aside);
  if (existsSync(`${database}-wal`)) await copyFile(`${database}-wal`, `${aside}-wal`);
  await fsyncFile(aside);
  return aside;
}

async function removeWithCompanions(file: string): Promise<void> {
  await Promise.all(['', ...WAL_SUFFIXES].map((suffix) => rm(file + suffix, { force: true })));
}
