// The SQLite side: a consistent snapshot of the office's database, taken while its server may go on
// serving, and migrated to this Talon's head. The snapshot is `talon backup`'s own (VACUUM INTO in one
// read transaction): every commit acknowledged before it began is in it, the server never waits for
// it, and neither the copy nor the migration touches the live file — so the source needs no stopped
// server and is left exactly as it was. What the server commits after the snapshot is not copied:
// the switch-over itself runs with the server stopped (docs/operations/migrate-to-postgres.md).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { backupDatabase } from '../../server/ops/backup';
import { DataFolderInUseError, LOCK_FILE, lockDataFolder } from '../../server/ops/restore-lock';
import { migrate, MigrationMismatchError } from '../../server/store/migrate';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { CliFailure } from '../../server/cli/cli-failure';

export interface SourceSnapshot {
  db: SqliteDatabase;
  /** When the snapshot was taken (ms). */
  takenAt: number;
  /** Whether a Talon server held the source's data folder meanwhile: it may commit more after `takenAt`. */
  serverRunning: boolean;
  /** Closes the snapshot and deletes it. */
  discard(): Promise<void>;
}

export async function takeSourceSnapshot(file: string): Promise<SourceSnapshot> {
  if (!existsSync(file)) throw new CliFailure(`no database at ${file}: check --from`);
  const serverRunning = await servedByTalon(file);
  const folder = await mkdtemp(join(tmpdir(), 'talon-migrate-'));
  const snapshot = join(folder, 'talon.sqlite');
  const takenAt = Date.now();
  let db: SqliteDatabase | undefined;
  try {
    await backupDatabase(file, snapshot).catch((error: unknown) => {
      throw new CliFailure(`cannot read ${file} as a SQLite database: ${(error as Error).message}`);
    });
    db = await SqliteDatabase.open(snapshot);
    if (!(await db.read.get("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))) {
      throw new CliFailure(`${file} is not a Talon database (it has no schema_migrations)`);
    }
    await migrate(db).catch((error: unknown) => {
      if (error instanceof MigrationMismatchError) throw new CliFailure(`${file}: ${error.message}; copy it with the Talon version that made it`);
      throw error;
    });
  } catch (error) {
    await db?.close();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    takenAt,
    serverRunning,
    discard: async () => {
      await opened.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Whether a Talon server holds the data folder `file` lies in (server/ops/restore-lock.ts). Asked
 * only where a server has run (its lock file exists), so a copy from any other folder leaves no lock
 * file behind; the lock, when free, is let go at once.
 */
async function servedByTalon(file: string): Promise<boolean> {
  const folder = dirname(file);
  if (!existsSync(join(folder, LOCK_FILE))) return false;
  try {
    await (await lockDataFolder(folder)).release();
    return false;
  } catch (error) {
    if (error instanceof DataFolderInUseError) return true;
    throw error;
  }
}
