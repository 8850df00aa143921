// Whether a migrated database has the schema its migrations make. migrate.ts checks the migrations'
// bookkeeping, which a column dropped or changed by hand leaves intact; the queue would fail
// later, part way through someone's visit. Talon's start and `talon check-db` compare the database's
// schema text with the engine's checked-in snapshot, which schema.test.ts holds to what the
// migrations make: a few catalog queries, read once.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database, DatabaseEngine } from './database';
import { childLogger } from '../observability/logger';
import { MigrationMismatchError } from './migrate';
import { schemaSnapshotFile, schemaText } from './schema-catalog';
import { schemaDifferences, type SchemaDifferences } from './schema-differences';

const log = childLogger({ component: 'schema' });

/** The snapshot as the administrator finds it in Talon's folder. */
export function snapshotShownAs(engine: DatabaseEngine): string {
  return `db/${basename(schemaSnapshotFile(engine))}`;
}

/** How the database differs from its engine's snapshot, one line per table, column or index; none when it does not. */
export async function schemaDrift(db: Database): Promise<SchemaDifferences> {
  const [snapshot, schema] = await Promise.all([readFile(schemaSnapshotFile(db.engine), 'utf8'), schemaText(db)]);
  return snapshot === schema ? { mismatches: [], extras: [] } : schemaDifferences(snapshot, schema);
}

/**
 * After migrating: throws MigrationMismatchError when Talon's schema differs from the snapshot, as
 * when the migrations do; tables and indexes only the database has are logged as a warning.
 */
export async function refuseSchemaDrift(db: Database): Promise<void> {
  const { mismatches, extras } = await schemaDrift(db);
  if (mismatches.length > 0) throw new MigrationMismatchError(`The database's schema differs from ${snapshotShownAs(db.engine)}: ${mismatches.join('; ')}`);
  if (extras.length > 0) log.warn(`The database ${extrasSaid(db.engine, extras)}`);
}

/** The warning for tables and indexes only the database has, as the start and check-db give it. */
export function extrasSaid(engine: DatabaseEngine, extras: string[]): string {
  return `has more than ${snapshotShownAs(engine)}, which Talon leaves alone: ${extras.join('; ')}`;
}
