import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migratedSchema, SCHEMA_FILE } from '../../db/schema-snapshot';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { migrate, migrationsDir, MigrationMismatchError } from '../../server/store/migrate';

it('migrates a fresh database to exactly the checked-in schema (run `npm run schema:snapshot` after a migration)', async () => {
  expect(await migratedSchema()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});

it('refuses a database whose applied migration was edited afterwards', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-migrations-'));
  for (const name of readdirSync(migrationsDir('sqlite'))) copyFileSync(join(migrationsDir('sqlite'), name), join(dir, name));
  const db = await SqliteDatabase.open(join(dir, 'db.sqlite'));
  await migrate(db, dir);
  writeFileSync(join(dir, '0001_queue.sql'), `${readFileSync(join(dir, '0001_queue.sql'), 'utf8')}\n-- edited\n`);
  await expect(migrate(db, dir)).rejects.toBeInstanceOf(MigrationMismatchError);
  await db.close();
});

it('rolls back a migration that leaves a row referring to nothing, and keeps foreign keys on after it', async () => {
  // Migrations run with foreign keys off so that they can rebuild tables; the check before commit still holds them to every reference.
  const dir = mkdtempSync(join(tmpdir(), 'talon-migrations-'));
  writeFileSync(join(dir, '0001_parent.sql'), 'CREATE TABLE parent (id TEXT PRIMARY KEY);\nCREATE TABLE child (parent_id TEXT NOT NULL REFERENCES parent (id));\n');
  writeFileSync(join(dir, '0002_orphan.sql'), "INSERT INTO child (parent_id) VALUES ('nobody');\n");
  const db = await SqliteDatabase.open(join(dir, 'db.sqlite'));
  await expect(migrate(db, dir)).rejects.toThrow(/refer to rows that do not exist/);
  expect(await db.read.all('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
  expect(await db.read.all('SELECT * FROM child')).toEqual([]);
  await expect(db.transaction((tx) => tx.run("INSERT INTO child (parent_id) VALUES ('nobody')"))).rejects.toThrow(/FOREIGN KEY/);
  await db.close();
});
