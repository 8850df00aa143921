// The PostgreSQL side: opened with Talon's PostgreSQL engine and migrated to this Talon's head, as a
// server starting on it would. Whether it is empty is asked inside the copy's transaction
// (copy-database.ts), so nothing can fill it between the question and the copy.
import { CliFailure } from '../../server/cli/cli-failure';
import type { Queryable } from '../../server/store/database';
import { migrate, MigrationMismatchError } from '../../server/store/migrate';
import { PostgresDatabase } from '../../server/store/postgres-database';
import { quoted } from './rows-in-order';
import type { TablePlan } from './tables';

/** One connection for the copy's transaction, one for the rest. */
const POOL_SIZE = 2;

export async function openTarget(url: string, shownAs: string): Promise<PostgresDatabase> {
  const db = await PostgresDatabase.open(url, { poolSize: POOL_SIZE }).catch((error: unknown) => {
    throw new CliFailure(`cannot connect to ${shownAs}: ${(error as Error).message}`);
  });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    if (error instanceof MigrationMismatchError) throw new CliFailure(`${shownAs}: ${error.message}; it belongs to another Talon version`);
    throw error;
  }
  return db;
}

/** Refuses a target with rows in any table it would copy into: migrate-to-postgres only fills an empty database, it never merges. */
export async function expectEmpty(target: Queryable, plans: readonly TablePlan[], shownAs: string): Promise<void> {
  const filled: string[] = [];
  for (const { name } of plans) if (await target.get(`SELECT 1 AS found FROM ${quoted(name)} LIMIT 1`)) filled.push(name);
  if (filled.length > 0) throw new CliFailure(`${shownAs} is not empty: ${filled.join(', ')} ${filled.length === 1 ? 'has rows' : 'have rows'}; migrate-to-postgres copies only into a freshly migrated, empty database`);
}
