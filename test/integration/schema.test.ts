import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migratedSchema, SCHEMA_FILE } from '../../db/schema-snapshot';
import { Database } from '../../server/store/database';
import { migrate, MIGRATIONS_DIR, MigrationMismatchError } from '../../server/store/migrate';

it('migrates a fresh database to exactly the checked-in schema (run `npm run schema:snapshot` after a migration)', async () => {
  expect(await migratedSchema()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});

it('refuses a database whose applied migration was edited afterwards', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-migrations-'));
  for (const name of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, name), join(dir, name));
  const db = await Database.open(join(dir, 'db.sqlite'));
  await migrate(db, dir);
  writeFileSync(join(dir, '0001_queue.sql'), `${readFileSync(join(dir, '0001_queue.sql'), 'utf8')}\n-- edited\n`);
  await expect(migrate(db, dir)).rejects.toBeInstanceOf(MigrationMismatchError);
  await db.close();
});
