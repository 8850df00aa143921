// A data folder filled with generated history, for tests of the reports. The generator is a command
// (it refuses a database with tickets) that writes SQLite, so it fills the file before a server or a
// test opens it; on PostgreSQL the file is then copied into the folder's own database with
// migrate-to-postgres, as an office moving to PostgreSQL would. The first admin gets the tests' password.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { databaseFile } from '../../server/store/sqlite-database';
import { ADMIN_PASSWORD } from './talon-server';
import { createTestDatabase, databaseEnv, TEST_ENGINE } from './test-database';

const ROOT = join(import.meta.dirname, '..', '..');

/** The generator's command line and its options for a fresh data folder. */
function generator(options: readonly string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
  const args = ['--import', 'tsx', join(ROOT, 'db', 'generate-history.ts'), ...options, '--data-dir', dataDir];
  return { dataDir, args, options: { cwd: ROOT, env: { ...process.env, TALON_ADMIN_PASSWORD: ADMIN_PASSWORD } } };
}

/** Synchronous, for browser tests' module scope; those run on SQLite only. */
export function dataDirWithHistory(days: number, perDay: number): string {
  if (TEST_ENGINE !== 'sqlite') throw new Error('dataDirWithHistory is SQLite only; use dataDirWithGeneratedHistory');
  const { dataDir, args, options } = generator(['--days', String(days), '--per-day', String(perDay)]);
  execFileSync(process.execPath, args, { ...options, stdio: 'pipe' });
  return dataDir;
}

/** The same with any of generate-history's options (`--offices`, `--seed`, `--end` …), leaving the test worker free meanwhile. */
export async function dataDirWithGeneratedHistory(historyOptions: readonly string[]): Promise<string> {
  const dataDir = await dataDirWithSqliteHistory(historyOptions);
  if (TEST_ENGINE === 'postgres') await intoPostgres(dataDir);
  return dataDir;
}

/** The generator's SQLite file in a new data folder, whatever the engine under test (a source for migrate-to-postgres). */
export async function dataDirWithSqliteHistory(historyOptions: readonly string[]): Promise<string> {
  const { dataDir, args, options } = generator(historyOptions);
  await promisify(execFile)(process.execPath, args, options);
  return dataDir;
}

/** Moves the folder's SQLite history into its PostgreSQL database; the file goes, so nothing reads it by mistake. */
async function intoPostgres(dataDir: string): Promise<void> {
  await createTestDatabase(dataDir);
  const file = databaseFile(dataDir);
  const { TALON_DATABASE_URL: to } = databaseEnv(dataDir);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'db', 'migrate-to-postgres.ts'), '--from', file, '--to', to!], { cwd: ROOT });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
