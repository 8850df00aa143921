// A fingerprint of everything in the database: each table's row count and a hash of its rows
// (sorted, since some tables have no rowid). Two equal fingerprints mean nothing was written (or everything written was undone).
import { createHash } from 'node:crypto';
import type { Database } from '../../server/store/database';

/** Not Talon's data: the migrations applied, and the Socket.IO adapter's traffic between nodes (PostgreSQL), which moves whenever a client does. */
const NOT_DATA = ['schema_migrations', 'socket_io_attachments'];

const TABLES = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
};

export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = (await db.read.all<{ name: string }>(TABLES[db.engine])).filter(({ name }) => !NOT_DATA.includes(name));
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.read.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    const hash = createHash('sha256');
    const lines = rows.map((row) => JSON.stringify(row));
    for (const line of lines.sort()) hash.update(line);
    fingerprint[name] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return fingerprint;
}

/** Names of the tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}
