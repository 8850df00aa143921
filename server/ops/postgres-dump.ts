// A backup of a PostgreSQL database: pg_dump's custom format (restored with pg_restore), one
// consistent snapshot taken while the nodes go on serving. Written beside the target under another
// name, synced, then renamed, like SQLite's copies (backup.ts): a half-written dump never looks whole.
import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { fsyncFile, fsyncFolder } from './backup-fsync';

const run = promisify(execFile);

export class DumpFailed extends Error {}

/** Dumps the database at `url` into `target` (a file that must not exist yet) with `pg_dump -Fc`. */
export async function dumpPostgres(url: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  await rm(partial, { force: true });
  // The password goes through the environment: a command line is visible to every user of the machine.
  // libpq also takes it as `?password=…`: moved out of the URL likewise.
  // By hand, not through URLSearchParams, which reads and writes '+' as a space (a plus to libpq).
  const address = new URL(url);
  const inQuery = /[?&]password=([^&]*)/.exec(address.search)?.[1];
  const password = decodeURIComponent(address.password) || (inQuery === undefined ? '' : decodeURIComponent(inQuery));
  address.password = '';
  address.search = address.search.replace(/([?&])password=[^&]*(&|$)/, (_, before: string, after: string) => (after ? before : ''));
  try {
    await run('pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${address.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    await rm(partial, { force: true });
    const { code, stderr } = error as { code?: string | number; stderr?: string };
    if (code === 'ENOENT') throw new DumpFailed("pg_dump is not installed: install PostgreSQL's client programs (Debian: postgresql-client), of the server's version or newer");
    throw new DumpFailed(`pg_dump failed: ${stderr?.trim() || (error as Error).message}`);
  }
  await fsyncFile(partial);
  await rename(partial, target);
  await fsyncFolder(dirname(target));
}
