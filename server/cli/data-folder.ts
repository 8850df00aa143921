// How a talon command finds and opens Talon's data, the way the server does (server/main.ts): the
// folder from --data-dir, else TALON_DATA_DIR, else `data`; the database is the PostgreSQL one
// TALON_DATABASE_URL names, else the folder's SQLite file (server/store/open-database.ts).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../store/database';
import { MigrationMismatchError, pendingMigrations } from '../store/migrate';
import { databaseLocation, describeLocation, openDatabase, type DatabaseLocation } from '../store/open-database';
import { CliFailure } from './cli-failure';

export interface DataDirOptions {
  dataDir: string;
}

/** Adds the --data-dir option every command that reads Talon's data takes. */
export function withDataDirOption(command: Command): Command {
  return command.option('--data-dir <folder>', "Talon's data folder, as the server's TALON_DATA_DIR", process.env.TALON_DATA_DIR ?? 'data');
}

/**
 * Opens the data folder's database, refusing one this version of Talon has not migrated: a command
 * never migrates (that is the server's job at start), so it cannot change a database behind an
 * older Talon or a backup's back.
 */
export async function openMigratedDatabase(dataDir: string): Promise<Database> {
  const location = databaseLocation(process.env, dataDir);
  const shown = describeLocation(location);
  const db = await openExisting(location, 'run the server once to create it');
  try {
    const pending = await pendingMigrations(db).catch((error: unknown) => {
      if (error instanceof MigrationMismatchError) throw new CliFailure(`${error.message}; restore a matching backup or run the matching Talon version`);
      throw new CliFailure(`${shown} is not a migrated Talon database; run the server once to create it`);
    });
    if (pending.length > 0) throw new CliFailure(`the database at ${shown} needs ${pending.length} migration(s) this Talon has (${pending[0]!.name} first); run the server once to apply them, or restore a matching backup`);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Opens the database without creating one: a missing SQLite file is an error (`hint` says what to
 * do), and so are a file SQLite cannot read and a PostgreSQL server that does not answer.
 */
export async function openExisting(location: DatabaseLocation, hint?: string): Promise<Database> {
  if (location.engine === 'sqlite' && !existsSync(location.file)) throw new CliFailure(`no database at ${location.file}: check --data-dir${hint ? `, or ${hint}` : ''}`);
  return openDatabase(location).catch((error: unknown) => {
    throw new CliFailure(location.engine === 'sqlite' ? `${location.file} is not a SQLite database` : `cannot reach the database at ${describeLocation(location)}: ${(error as Error).message}`);
  });
}

/** Runs `work` with the data folder's migrated database and always closes it. */
export async function withMigratedDatabase<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(dataDir);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
