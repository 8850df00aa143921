// Once per test run and project: hands the run's id to the workers (test-database.ts names its
// databases and templates with it); removes what runs that died left behind before starting, and
// everything this run made when it ends, whatever a crashed worker did not drop.
import { rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { adminUrl, runOf, TEST_DATABASE_PREFIX, TEST_TEMPLATE_PREFIX } from './test-database-names';

/** Whether the run with this id (a pid) is still going: another run's live databases are left alone. */
function running(run: string | undefined): boolean {
  try {
    process.kill(Number(run), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropDatabases(base: string, whose: (run: string | undefined) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(base) });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR starts_with(datname, $2)`,
      [TEST_DATABASE_PREFIX, TEST_TEMPLATE_PREFIX],
    );
    for (const { datname } of rows) if (whose(runOf(datname))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = String(process.pid);
  project.provide('talonTestRun', run);
  const base = project.config.env.TALON_TEST_DATABASE || undefined;
  if (base) await dropDatabases(base, (owner) => !running(owner));
  removeTemplateFolders((name) => !running(runOf(name)));
  return async () => {
    if (base) await dropDatabases(base, (owner) => owner === run);
    // This project's own (test-database.ts names them run_engine_…): the other project may still be at work.
    removeTemplateFolders((name) => name.startsWith(`${TEST_TEMPLATE_PREFIX}${run}_${base ? 'postgres' : 'sqlite'}_`));
  };
}

/** The template data folders in the temp dir that `which` picks. */
function removeTemplateFolders(which: (name: string) => boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith(TEST_TEMPLATE_PREFIX) && which(name)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}
