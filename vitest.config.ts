// Two projects: `sqlite` runs every test as always; `postgres` runs the integration suite again on
// PostgreSQL (test/support/test-database.ts gives each data folder a database of its own there). When
// PostgreSQL does not answer, the postgres project is left out and the run's LAST lines say so.
// Config-time code stays in this file: Vite loads a config's own imports without their extensions.
import pg from 'pg';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';

/** The PostgreSQL server the integration suite runs on a second time. */
const POSTGRES = process.env.TALON_TEST_DATABASE || 'postgres://postgres@127.0.0.1:5432';
/** Tests that need PostgreSQL whatever the project: several nodes on one database; the copy from SQLite into PostgreSQL. */
const POSTGRES_ONLY = ['test/integration/multi-node-*.test.ts', 'test/integration/migrate-to-postgres.test.ts'];
const globalSetup = ['test/support/global-setup.ts'];

const sqlite: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...POSTGRES_ONLY], env: { TALON_TEST_DATABASE: '' }, globalSetup },
};

const postgres: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'postgres', include: ['test/integration/**/*.test.ts'], env: { TALON_TEST_DATABASE: POSTGRES }, globalSetup, setupFiles: ['test/support/test-setup.ts'] },
};

/** Why the server cannot be used, or undefined when it answers a query. */
async function postgresUnreachable(base: string): Promise<string | undefined> {
  const url = new URL(base);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error instanceof Error && error.message) || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The last lines of a run without PostgreSQL: a green run must not hide that half the integration suite did not run. */
function postgresSkippedWarning(why: string): Reporter {
  return {
    onTestRunEnd() {
      const bar = '!'.repeat(100);
      const lines = [
        bar,
        `!!! POSTGRESQL NOT REACHABLE at ${new URL(POSTGRES).host}: ${why}`,
        '!!! The integration tests ran on SQLite ONLY: the `postgres` project was SKIPPED.',
        '!!! Start PostgreSQL (user postgres, trust auth on 127.0.0.1) or set TALON_TEST_DATABASE=postgres://…, then run `npm test` again.',
        '!!! `.ci/run` starts PostgreSQL, or installs it, before testing.',
        bar,
      ];
      process.stdout.write(`\n${lines.join('\n')}\n`);
    },
  };
}

export default defineConfig(async () => {
  const unreachable = await postgresUnreachable(POSTGRES);
  // CI (.ci/run) made sure PostgreSQL answers: there a connection that fails now (a 3-second timeout
  // on a loaded machine) must fail the run, not turn it green with half the integration suite skipped.
  if (unreachable && process.env.TALON_TEST_REQUIRE_POSTGRES) throw new Error(`PostgreSQL not reachable at ${new URL(POSTGRES).host}: ${unreachable} (TALON_TEST_REQUIRE_POSTGRES is set)`);
  return {
    test: {
      // Browser tests walk whole visits; on a busy two-core machine a slow minute is not a failure.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // expect.poll waits for a state; its default of one second is a fixed short timeout that a
      // loaded machine misses. The test's own timeout bounds a state that never comes.
      expect: { poll: { timeout: 30_000 } },
      // Integration and browser tests each start real servers and browsers; two cores, so keep it modest.
      maxWorkers: 2,
      reporters: unreachable ? ['default', postgresSkippedWarning(unreachable)] : ['default'],
      projects: unreachable ? [sqlite] : [sqlite, postgres],
    },
  };
});
