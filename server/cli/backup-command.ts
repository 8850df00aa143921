// `talon backup [--out FILE]`: a consistent copy of the database, also while the server runs.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { backupDatabase, backupStamp } from '../ops/backup';
import { backupFolder } from '../ops/backup-settings';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { databaseFile } from '../store/sqlite-database';
import { withDataDirOption, type DataDirOptions } from './data-folder';

export function backupCommand(io: CliIo = processIo): Command {
  return withDataDirOption(new Command('backup'))
    .summary('copy the database, also while Talon serves')
    .description('Copy the database consistently, also while Talon serves (SQLite; PostgreSQL comes later)')
    .option('--out <file>', 'the file to write, which must not exist (default: a new file in TALON_BACKUP_DIR, else <data folder>/backups)')
    .action(async (options: DataDirOptions & { out?: string }) => {
      const source = databaseFile(options.dataDir);
      if (!existsSync(source)) throw new CliFailure(`no database at ${source}: check --data-dir`);
      const out = resolve(options.out ?? join(backupFolder(process.env, resolve(options.dataDir)), `talon-${backupStamp(Date.now())}.sqlite`));
      if (existsSync(out)) throw new CliFailure(`${out} exists already: choose another file`);
      await mkdir(dirname(out), { recursive: true });
      await backupDatabase(source, out);
      printLine(io, `Backed up ${source} to ${out}`);
    });
}
