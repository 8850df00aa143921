// A data folder filled with generated history, for tests of the reports. The generator is a command
// (it refuses a database with tickets), so it fills the file before a server or a test opens it;
// the first admin gets the tests' password.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD } from './talon-server';

const ROOT = join(import.meta.dirname, '..', '..');

/** The generator's command line and its options for a fresh data folder. */
function generator(options: readonly string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
  const args = ['--import', 'tsx', join(ROOT, 'db', 'generate-history.ts'), ...options, '--data-dir', dataDir];
  return { dataDir, args, options: { cwd: ROOT, env: { ...process.env, TALON_ADMIN_PASSWORD: ADMIN_PASSWORD } } };
}

export function dataDirWithHistory(days: number, perDay: number): string {
  const { dataDir, args, options } = generator(['--days', String(days), '--per-day', String(perDay)]);
  execFileSync(process.execPath, args, { ...options, stdio: 'pipe' });
  return dataDir;
}

/** The same with any of generate-history's options (`--offices`, `--seed`, `--end` …), leaving the test worker free meanwhile. */
export async function dataDirWithGeneratedHistory(historyOptions: readonly string[]): Promise<string> {
  const { dataDir, args, options } = generator(historyOptions);
  await promisify(execFile)(process.execPath, args, options);
  return dataDir;
}
