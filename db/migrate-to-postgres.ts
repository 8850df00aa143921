// `npm run migrate-to-postgres -- --from data/talon.sqlite [--to postgres://…]`: copies an office's
// SQLite database into an empty PostgreSQL database, checked table by table by row count and checksum
// (docs/operations/migrate-to-postgres.md). The work is in db/migrate-to-postgres/; this file reads
// the command line and turns the outcome into a table and an exit code.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { CliFailure } from '../server/cli/cli-failure';
import { describeLocation } from '../server/store/open-database';
import { copyDatabase, CopyMismatchError } from './migrate-to-postgres/copy-database';
import { NulInTextError } from './migrate-to-postgres/copy-table';
import { reportLines } from './migrate-to-postgres/report';

interface Options {
  from: string;
  to?: string;
}

export function migrateToPostgresProgram(): Command {
  return new Command('migrate-to-postgres')
    .description("Copy a Talon SQLite database (also while its server runs: from a consistent snapshot) into an empty PostgreSQL database, checked by counts and checksums; nothing is kept unless every table arrives unchanged")
    .requiredOption('--from <file>', 'the SQLite database, e.g. data/talon.sqlite')
    // Not commander's default: --help would print it, password and all.
    .option('--to <url>', 'the PostgreSQL database, postgres://… (default: TALON_DATABASE_URL)')
    .action(async ({ from, to = process.env.TALON_DATABASE_URL }: Options) => {
      if (!to) throw new CliFailure('no target: pass --to postgres://… or set TALON_DATABASE_URL');
      if (!/^postgres(ql)?:\/\//.test(to)) throw new CliFailure('--to must be a postgres:// URL');
      const toShownAs = describeLocation({ engine: 'postgres', url: to, poolSize: 1 });
      const say = (line: string) => console.log(line);
      try {
        const checks = await copyDatabase({ from: resolve(from), to, toShownAs, say });
        for (const line of reportLines(checks)) say(line);
        say(`Copied ${checks.length} tables into ${toShownAs}: every count and checksum agrees.`);
      } catch (error) {
        if (error instanceof CopyMismatchError) {
          for (const line of reportLines(error.checks)) say(line);
          throw new CliFailure(error.message);
        }
        if (error instanceof NulInTextError) throw new CliFailure(`${error.message}; nothing was kept in PostgreSQL`);
        throw error;
      }
    });
}

/** Runs as a script (`tsx db/migrate-to-postgres.ts …`), not when a test imports it. */
async function runFromShell(): Promise<void> {
  try {
    await migrateToPostgresProgram().parseAsync(process.argv);
  } catch (error) {
    // Refusals are one line for the administrator; anything else is a bug worth its stack.
    console.error(error instanceof CliFailure ? `migrate-to-postgres: ${error.message}` : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runFromShell();
