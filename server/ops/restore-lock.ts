// The data folder's lock. The server holds it from before it opens the database until it exits, and
// a restore takes it before it replaces the database, so neither happens under the other (nor two
// servers on one database, which would each believe itself its only writer).
//
// An OS file lock, held through SQLite on <data folder>/talon.lock, rather than a pid file: the OS
// drops it when its process ends, however it ends (kill -9, a power cut), so a stale lock never
// stands in the way and a reused pid never fools it. SQLite's unix and Windows file systems both
// lock this way.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { openConnection } from './backup-connection';

export const LOCK_FILE = 'talon.lock';

export class DataFolderInUseError extends Error {}

export interface DataFolderLock {
  release(): Promise<void>;
}

export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const connection = await openConnection(join(dataDir, LOCK_FILE), sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    // In EXCLUSIVE locking mode the first write's lock is kept until the connection closes; the
    // journal kept in memory leaves no file beside the lock. No waiting: someone holds it or not.
    await connection.exec(
      'PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; CREATE TABLE IF NOT EXISTS held (n INTEGER NOT NULL); DELETE FROM held; INSERT INTO held VALUES (1)',
    );
  } catch (error) {
    await connection.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUseError(`another Talon (a server or a restore) is using the data folder ${dataDir}`);
    throw error;
  }
  return { release: () => connection.close() };
}
