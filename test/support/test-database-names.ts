// How the test databases on PostgreSQL are named and reached. Every name carries the run's id (the
// vitest process's pid), so a later run can tell a dead run's leftovers from a live run's databases.
export const TEST_DATABASE_PREFIX = 'talon_t_';
/** Template databases, and the data folders (in the temp dir) that go with them, on both engines. */
export const TEST_TEMPLATE_PREFIX = 'talon_tpl_';

/** The base URL with `database` as its database. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The server's own `postgres` database: where CREATE and DROP DATABASE are run from. */
export function adminUrl(base: string): string {
  return databaseUrl(base, 'postgres');
}

/** The run a test database or template belongs to, from its name. */
export function runOf(name: string): string | undefined {
  const prefix = [TEST_DATABASE_PREFIX, TEST_TEMPLATE_PREFIX].find((p) => name.startsWith(p));
  return prefix ? name.slice(prefix.length).split('_')[0] : undefined;
}
