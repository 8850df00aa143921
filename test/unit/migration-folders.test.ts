import { expect, it } from 'vitest';
import { migrationsDir, readMigrations } from '../../server/store/migrate';

/** PostgreSQL's first migration builds at once the schema SQLite's migrations up to this one build. */
const POSTGRES_BASELINE = 11;

it('has every migration after PostgreSQL’s baseline in both engines’ folders, under the same number and name', async () => {
  const sqlite = (await readMigrations(migrationsDir('sqlite'))).filter((m) => m.version > POSTGRES_BASELINE);
  const postgres = await readMigrations(migrationsDir('postgres'));
  expect(postgres[0]).toMatchObject({ version: POSTGRES_BASELINE, name: '0011_baseline.sql' });
  expect(postgres.slice(1).map((m) => m.name)).toEqual(sqlite.map((m) => m.name));
});
