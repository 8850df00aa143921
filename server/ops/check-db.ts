// What `talon check-db` reports, and what restore checks before it takes a file: SQLite's own
// integrity and foreign key checks, the migrations applied against those this Talon knows, and a
// summary per office (tickets, the journal's last event). On PostgreSQL, which keeps its own pages
// and foreign keys sound, the migrations and the summary.
import type { Database } from '../store/database';
import { MigrationMismatchError, migrationsDir, pendingMigrations, readMigrations } from '../store/migrate';

/** Stops at this many: a damaged file can list thousands, and the first ones tell the story. */
const MAX_PROBLEMS = 20;

export interface MigrationStatus {
  applied: number;
  known: number;
  /** Known to this Talon, not applied yet: the next start applies them. */
  pending: string[];
  /** Set when the database disagrees with this Talon (a newer Talon's migration, an edited one): it will not start on it. */
  mismatch?: string;
}

export interface OfficeSummary {
  id: string;
  archived: boolean;
  tickets: number;
  lastEvent?: { seq: number; at: number };
}

export async function hasMigrationsTable(db: Database): Promise<boolean> {
  const found =
    db.engine === 'sqlite'
      ? await db.read.get("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      : await db.read.get("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'");
  return found !== undefined;
}

export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const known = (await readMigrations(migrationsDir(db.engine))).length;
  const applied = (await db.read.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations'))?.n ?? 0;
  try {
    const pending = (await pendingMigrations(db)).map((f) => f.name);
    return { applied, known, pending };
  } catch (error) {
    if (error instanceof MigrationMismatchError) return { applied, known, pending: [], mismatch: error.message };
    throw error;
  }
}

/** SQLite's integrity check; empty when it says "ok". */
export async function integrityProblems(db: Database): Promise<string[]> {
  try {
    const rows = await db.read.all<{ integrity_check: string }>(`PRAGMA integrity_check(${MAX_PROBLEMS})`);
    return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
  } catch (error) {
    // Damage bad enough (a table's page that is no page at all) stops the check itself.
    if ((error as { code?: string }).code === 'SQLITE_CORRUPT') return [(error as Error).message];
    throw error;
  }
}

/** Rows that refer to rows that do not exist, counted per table and the table they refer to. */
export async function foreignKeyProblems(db: Database): Promise<string[]> {
  const rows = await db.read.all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
  const counts = new Map<string, number>();
  for (const { table, parent } of rows) counts.set(`${table} → ${parent}`, (counts.get(`${table} → ${parent}`) ?? 0) + 1);
  return [...counts].map(([link, n]) => `${n} row(s) of ${link} refer to rows that do not exist`);
}

/** Needs a database migrated to this Talon (offices came with migration 0009). */
export async function officeSummaries(db: Database): Promise<OfficeSummary[]> {
  const offices = await db.read.all<{ id: string; archivedAt: number | null; tickets: number }>(
    'SELECT o.id, o.archived_at AS "archivedAt", (SELECT count(*) FROM tickets t WHERE t.office_id = o.id) AS tickets FROM offices o ORDER BY o.id',
  );
  return Promise.all(
    offices.map(async ({ id, archivedAt, tickets }) => {
      const last = await db.read.get<{ seq: number; at: number }>('SELECT seq, at FROM journal WHERE office_id = ? ORDER BY seq DESC LIMIT 1', [id]);
      return { id, archived: archivedAt !== null, tickets, ...(last ? { lastEvent: last } : {}) };
    }),
  );
}
