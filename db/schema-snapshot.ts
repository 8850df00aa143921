// The schema as migrations leave it, per engine: db/schema.sql (SQLite) and db/schema.postgres.sql
// (PostgreSQL). `npm run schema:snapshot` after adding a migration (to both folders) writes both; a
// test compares a freshly migrated database of each engine with its file, and Talon refuses to start
// on a database that differs from it (server/store/schema-drift.ts).
// PostgreSQL: a scratch database on the server TALON_TEST_DATABASE names (else the local one, as
// the tests use), made and dropped here.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../server/store/database';
import { migrate } from '../server/store/migrate';
import { PostgresDatabase } from '../server/store/postgres-database';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { schemaSnapshotFile, schemaText } from '../server/store/schema-catalog';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432';

/** The schema text of `db` once migrated. */
export async function migratedSchemaOf(db: Database): Promise<string> {
  await migrate(db);
  return schemaText(db);
}

async function sqliteSchema(): Promise<string> {
  const db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'talon-schema-')), 'schema.sqlite'));
  try {
    return await migratedSchemaOf(db);
  } finally {
    await db.close();
  }
}

async function postgresSchema(server: string): Promise<string> {
  const address = (database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  const admin = new pg.Client({ connectionString: address('postgres') });
  await admin.connect();
  const name = `talon_schema_${randomUUID().replaceAll('-', '')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await PostgresDatabase.open(address(name), { poolSize: 2 });
    try {
      return await migratedSchemaOf(db);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] === import.meta.filename) {
  const schemas = { sqlite: await sqliteSchema(), postgres: await postgresSchema(process.env.TALON_TEST_DATABASE || LOCAL_POSTGRES) };
  for (const engine of ['sqlite', 'postgres'] as const) {
    writeFileSync(schemaSnapshotFile(engine), schemas[engine]);
    console.log(`wrote ${schemaSnapshotFile(engine)}`);
  }
}
