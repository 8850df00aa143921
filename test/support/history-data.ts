// A data folder filled with generated history, for browser tests of the reports. The generator is
// a command (it refuses a database with tickets), so it fills the file before a server opens it;
// the first admin gets the tests' password.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from './talon-server';

const ROOT = join(import.meta.dirname, '..', '..');

export function dataDirWithHistory(days: number, perDay: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'db', 'generate-history.ts'), '--days', String(days), '--per-day', String(perDay), '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, TALON_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  return dataDir;
}
