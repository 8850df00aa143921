// `npm run talon -- <command>` as the administrator runs it: a child process that answers --help,
// refuses a data folder it cannot use with one line and a non-zero exit, and does its work on a
// stopped Talon's data folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { migrate, migrationsDir } from '../../server/store/migrate';
import { createUsersStore } from '../../server/store/users-store';
import { runTalonCli } from '../support/talon-cli';
import { startTalon } from '../support/talon-server';
import { onlyOn, openTestDatabase } from '../support/test-database';

const COMMANDS = ['reset-password', 'create-admin', 'revoke-device', 'rotate-device-key', 'export-journal'];

/** A data folder whose database has only the first migration: what an older Talon left behind. */
async function dataDirOfAnOlderTalon(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-cli-old-'));
  const firstOnly = join(dataDir, 'migrations');
  mkdirSync(firstOnly);
  const first = readdirSync(migrationsDir('sqlite')).filter((n) => n.endsWith('.sql')).sort()[0]!;
  copyFileSync(join(migrationsDir('sqlite'), first), join(firstOnly, first));
  const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
  await migrate(db, firstOnly);
  await db.close();
  return dataDir;
}

let stoppedDataDir: string;

beforeAll(async () => {
  const server = await startTalon();
  await server.close();
  stoppedDataDir = server.dataDir;
});

describe('talon on the command line', () => {
  it('lists its commands, and each answers --help with its options', async () => {
    const help = await runTalonCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toContain(name);
    const answers = await Promise.all(COMMANDS.map((name) => runTalonCli([name, '--help'])));
    for (const answer of answers) {
      expect(answer.code).toBe(0);
      expect(answer.stdout).toContain('--data-dir');
    }
  });

  it('refuses bad input with one line and a non-zero exit', async () => {
    const runs = await Promise.all([
      runTalonCli(['export-journal', '--data-dir', stoppedDataDir]),
      runTalonCli(['export-journal', '--office', 'main', '--date', 'yesterday', '--data-dir', stoppedDataDir]),
      runTalonCli(['reset-password', 'operator1', '--data-dir', join(stoppedDataDir, 'elsewhere')]),
      runTalonCli(['no-such-command']),
    ]);
    for (const run of runs) {
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runs[0]!.stderr).toContain("required option '--office <officeId>'");
    expect(runs[1]!.stderr).toContain('talon: --date yesterday is not a real day');
    expect(runs[2]!.stderr).toContain('talon: no database at');
  });

});

// SQLite only: PostgreSQL's migrations start at their baseline, so no older Talon left a PostgreSQL database behind yet.
onlyOn('sqlite')('talon on an older Talon’s data folder', () => {
  it('refuses a database this Talon has not migrated yet, and leaves it as it was', async () => {
    const dataDir = await dataDirOfAnOlderTalon();
    const run = await runTalonCli(['create-admin', 'rescue', '--password', 'rescue-password', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^talon: the database at .* needs \d+ migration\(s\) this Talon has .* run the server once to apply them/);
    const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
    expect(await db.read.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations')).toEqual({ n: 1 });
    await db.close();
  });
});

describe('talon on a stopped Talon’s data folder', () => {
  it('resets a password on a stopped Talon from stdin', async () => {
    const run = await runTalonCli(['reset-password', 'operator2', '--password-stdin', '--data-dir', stoppedDataDir], 'from-the-pipe-1\n');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const db = await openTestDatabase(stoppedDataDir);
    const found = await createUsersStore(db).findByLogin('operator2');
    await db.close();
    expect(await verifyPassword('from-the-pipe-1', found!.passwordHash)).toBe(true);
  });
});

