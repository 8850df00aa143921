// Whether a migrated database has the schema its migrations make. migrate.ts checks the migrations'
// bookkeeping, which a column dropped or a table added by hand leaves intact; the queue would fail
// later, part way through someone's visit. Talon's start and `talon check-db` compare the database's
// schema text with the engine's checked-in snapshot, which schema.test.ts holds to what the
// migrations make: a few catalog queries, read once.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database, DatabaseEngine } from './database';
import { MigrationMismatchError } from './migrate';
import { schemaSnapshotFile, schemaText } from './schema-catalog';
import { schemaDifferences } from './schema-differences';

/** The snapshot as the administrator finds it in Talon's folder. */
export function snapshotShownAs(engine: DatabaseEngine): string {
  return `db/${basename(schemaSnapshotFile(engine))}`;
}

/** How the database differs from its engine's snapshot, one line per table, column or index; empty when it does not. */
export async function schemaDrift(db: Database): Promise<string[]> {
  const [snapshot, schema] = await Promise.all([readFile(schemaSnapshotFile(db.engine), 'utf8'), schemaText(db)]);
  return snapshot === schema ? [] : schemaDifferences(snapshot, schema);
}

/** After migrating: throws MigrationMismatchError when the schema differs from the snapshot, as when the migrations do. */
export async function refuseSchemaDrift(db: Database): Promise<void> {
  const drift = await schemaDrift(db);
  if (drift.length > 0) throw new MigrationMismatchError(`The database's schema differs from ${snapshotShownAs(db.engine)}: ${drift.join('; ')}`);
}
