// `talon backup [--out FILE]`: a consistent copy of the database, also while the server runs: the
// SQLite file copied, or on PostgreSQL (TALON_DATABASE_URL) a `pg_dump -Fc` for pg_restore.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { backupStamp } from '../ops/backup';
import { backupFolder } from '../ops/backup-settings';
import { databaseCopy } from '../ops/database-copy';
import { DumpFailed } from '../ops/postgres-dump';
import { databaseLocation, describeLocation } from '../store/open-database';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { withDataDirOption, type DataDirOptions } from './data-folder';

export function backupCommand(io: CliIo = processIo): Command {
  return withDataDirOption(new Command('backup'))
    .summary('copy the database, also while Talon serves')
    .description('Copy the database consistently, also while Talon serves (SQLite: a database file; PostgreSQL: a pg_dump custom-format file for pg_restore)')
    .option('--out <file>', 'the file to write, which must not exist (default: a new file in TALON_BACKUP_DIR, else <data folder>/backups)')
    .action(async (options: DataDirOptions & { out?: string }) => {
      const location = databaseLocation(process.env, options.dataDir);
      if (location.engine === 'sqlite' && !existsSync(location.file)) throw new CliFailure(`no database at ${location.file}: check --data-dir`);
      const copy = databaseCopy(location);
      const out = resolve(options.out ?? join(backupFolder(process.env, resolve(options.dataDir)), `talon-${backupStamp(Date.now())}.${copy.extension}`));
      if (existsSync(out)) throw new CliFailure(`${out} exists already: choose another file`);
      await mkdir(dirname(out), { recursive: true });
      await copy.to(out).catch((error: unknown) => {
        throw error instanceof DumpFailed ? new CliFailure(error.message) : error;
      });
      printLine(io, `Backed up ${describeLocation(location)} to ${out}`);
    });
}
