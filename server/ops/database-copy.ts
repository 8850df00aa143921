// How a backup of Talon's database is made, by engine: SQLite's file copied consistently (backup.ts),
// or a pg_dump of the PostgreSQL database (postgres-dump.ts). The daily backups, the copy before a
// migration and `talon backup` all take it from here.
import type { DatabaseLocation } from '../store/open-database';
import { backupDatabase } from './backup';
import { dumpPostgres } from './postgres-dump';

export interface DatabaseCopy {
  /** The backup file's extension: `sqlite` (a database SQLite opens, for talon restore) or `dump` (for pg_restore). */
  readonly extension: 'sqlite' | 'dump';
  /** Writes the copy to `target`, a file that must not exist yet. */
  to(target: string): Promise<void>;
}

export function databaseCopy(location: DatabaseLocation): DatabaseCopy {
  return location.engine === 'sqlite'
    ? { extension: 'sqlite', to: (target) => backupDatabase(location.file, target) }
    : { extension: 'dump', to: (target) => dumpPostgres(location.url, target) };
}
