// `talon restore FILE`: puts a backup in place of the data folder's database (see server/ops/restore.ts).
import { resolve } from 'node:path';
import { Command } from 'commander';
import { restoreDatabase, RestoreRefused } from '../ops/restore';
import { DataFolderInUseError } from '../ops/restore-lock';
import { databaseLocation, describeLocation } from '../store/open-database';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { withDataDirOption, type DataDirOptions } from './data-folder';

export function restoreCommand(io: CliIo = processIo): Command {
  return withDataDirOption(new Command('restore'))
    .summary('replace the database with a backup (Talon stopped)')
    .description('Replace the database with a backup. Stop Talon first; a backup from an older Talon is migrated at the next start')
    .argument('<file>', 'the backup to restore')
    .action(async (file: string, options: DataDirOptions) => {
      const location = databaseLocation(process.env, options.dataDir);
      // Replacing a shared database under running nodes is PostgreSQL's own tools' job, with every node stopped.
      if (location.engine === 'postgres') {
        throw new CliFailure(
          `refusing to restore: talon restore puts a SQLite backup in a data folder, and TALON_DATABASE_URL says Talon runs on PostgreSQL (${describeLocation(location)}). Stop every node and restore a dump made by talon backup with pg_restore --no-owner --dbname=<database> <file> into an empty database (a new one, or the old one after DROP SCHEMA public CASCADE; CREATE SCHEMA public), as docs/operations/backup.md says`,
        );
      }
      const restored = await restoreDatabase(resolve(file), resolve(options.dataDir)).catch((error: unknown) => {
        if (error instanceof DataFolderInUseError) throw new CliFailure(`refusing to restore: ${error.message}; stop it first`);
        if (error instanceof RestoreRefused) throw new CliFailure(`refusing to restore: ${error.message}`);
        throw error;
      });
      printLine(io, `Restored ${resolve(file)} as ${restored.database}`);
      if (restored.replaced) printLine(io, `The database it replaced is kept at ${restored.replaced}`);
      if (restored.pending.length > 0) printLine(io, `The backup is from an older Talon: the next start backs it up and applies ${restored.pending.join(', ')}`);
    });
}
