// The schema as migrations leave it, written to db/schema.sql: `npm run schema:snapshot` after
// adding a migration. A test compares a freshly migrated database with the checked-in file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { migrate } from '../server/store/migrate';

export const SCHEMA_FILE = join(import.meta.dirname, 'schema.sql');

export async function migratedSchema(): Promise<string> {
  const db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'talon-schema-')), 'schema.sqlite'));
  try {
    await migrate(db);
    const rows = await db.read.all<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
    );
    return `${rows.map((r) => `${r.sql};`).join('\n\n')}\n`;
  } finally {
    await db.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(SCHEMA_FILE, await migratedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
