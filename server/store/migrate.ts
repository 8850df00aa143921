// Forward-only SQL migrations from db/migrations/<engine>, each applied in its own transaction and
// recorded with a checksum. A database that disagrees with the files (an edited, unknown or skipped
// migration) is refused: starting on it could silently corrupt the queue. (The server also compares
// the migrated schema with its snapshot: schema-drift.ts.) PostgreSQL's folder starts
// at 0011 (the schema SQLite's 0001…0011 build, at once); every later migration is in both folders
// with the same number.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, DatabaseEngine } from './database';

/** The engine's own migrations. */
export function migrationsDir(engine: DatabaseEngine): string {
  return join(import.meta.dirname, '..', '..', 'db', 'migrations', engine);
}

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export class MigrationMismatchError extends Error {}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}_.+\.sql$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name), 'utf8');
      return { version: Number(name.slice(0, 4)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * The migration files not yet applied to `db` (whose schema_migrations table must exist). Throws
 * MigrationMismatchError when the database disagrees with the files.
 */
export async function pendingMigrations(db: Database, dir = migrationsDir(db.engine)): Promise<MigrationFile[]> {
  const files = await readMigrations(dir);
  const applied = await db.read.all<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  for (const row of applied) {
    const file = files.find((f) => f.version === row.version);
    if (!file) throw new MigrationMismatchError(`The database has migration ${row.name}, which this version of Talon does not know`);
    if (file.checksum !== row.checksum) throw new MigrationMismatchError(`Migration ${row.name} was changed after it was applied`);
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = files.filter((f) => !done.has(f.version));
  // Applied later, a skipped migration would run on a schema it was not written for.
  const newest = applied.at(-1);
  const skipped = newest ? pending.filter((f) => f.version < newest.version) : [];
  if (newest && skipped.length > 0) {
    throw new MigrationMismatchError(`The database has migration ${newest.name} but not the earlier ${skipped.map((f) => f.name).join(', ')}, which cannot be applied out of order`);
  }
  return pending;
}

/** Runs before migrations change a database that already has some applied: the server backs it up there. */
export type BeforeMigrating = (pending: readonly string[]) => Promise<void>;

/**
 * Applies pending migrations; returns the names applied. Throws MigrationMismatchError on
 * disagreement. Nodes starting together on one PostgreSQL database migrate one after another: the
 * second finds nothing left to do.
 */
export function migrate(db: Database, dir = migrationsDir(db.engine), beforeMigrating?: BeforeMigrating): Promise<string[]> {
  return db.whenFree('migrate', async () => {
    // Date.now() outgrows PostgreSQL's INTEGER; SQLite's INTEGER holds it (and its existing table says INTEGER).
    const millis = db.engine === 'postgres' ? 'BIGINT' : 'INTEGER';
    await db.transaction((tx) =>
      tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at ${millis} NOT NULL)`),
    );
    const pending = await pendingMigrations(db, dir);
    // A fresh, empty database has nothing to lose.
    if (beforeMigrating && pending.length > 0 && (await db.read.get('SELECT 1 AS applied FROM schema_migrations LIMIT 1'))) await beforeMigrating(pending.map((f) => f.name));
    for (const file of pending) {
      // A migration may rebuild a table that others refer to (see schemaTransaction).
      await db.schemaTransaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [file.version, file.name, file.checksum, Date.now()]);
      });
    }
    return pending.map((f) => f.name);
  });
}
