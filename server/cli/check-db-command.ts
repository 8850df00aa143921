// `talon check-db`: SQLite's integrity and foreign key checks, the migrations, the schema against
// its snapshot (as the server's start compares them), and a summary per office. On PostgreSQL
// (TALON_DATABASE_URL): that the server answers, the migrations, the schema, the summary.
import { Command } from 'commander';
import { foreignKeyProblems, hasMigrationsTable, integrityProblems, migrationStatus, officeSummaries, type MigrationStatus, type OfficeSummary } from '../ops/check-db';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { databaseLocation, describeLocation } from '../store/open-database';
import { extrasSaid, schemaDrift, snapshotShownAs } from '../store/schema-drift';
import { openExisting, withDataDirOption, type DataDirOptions } from './data-folder';

export function checkDbCommand(io: CliIo = processIo): Command {
  return withDataDirOption(new Command('check-db'))
    .summary('check the database and summarise it per office')
    .description("Check the database (SQLite's integrity and foreign keys, migrations, schema; on PostgreSQL that it answers, migrations, schema) and summarise it per office; safe while Talon runs")
    .action(async (options: DataDirOptions) => {
      const location = databaseLocation(process.env, options.dataDir);
      const shown = describeLocation(location);
      const db = await openExisting(location);
      try {
        if (!(await hasMigrationsTable(db))) throw new CliFailure(`${shown} is not a Talon database (it has no schema_migrations)`);
        // PostgreSQL keeps its pages and foreign keys sound itself; SQLite is asked.
        const integrity = db.engine === 'sqlite' ? await integrityProblems(db) : [];
        const foreignKeys = db.engine === 'sqlite' ? await foreignKeyProblems(db) : [];
        const migrations = await migrationStatus(db);
        printLine(io, `Database: ${shown}`);
        if (db.engine === 'sqlite') {
          printLine(io, `Integrity: ${integrity.length === 0 ? 'ok' : integrity.join('; ')}`);
          printLine(io, `Foreign keys: ${foreignKeys.length === 0 ? 'ok' : foreignKeys.join('; ')}`);
        } else {
          printLine(io, 'Connection: ok');
        }
        printLine(io, `Migrations: ${describeMigrations(migrations)}`);
        const current = !migrations.mismatch && migrations.pending.length === 0;
        // Before its migrations the schema differs from the snapshot by design.
        const { mismatches, extras } = current ? await schemaDrift(db) : { mismatches: [], extras: [] };
        const snapshot = snapshotShownAs(db.engine);
        if (!current) printLine(io, 'Schema: not compared until the database is migrated to this Talon');
        else printLine(io, mismatches.length === 0 ? `Schema: as in ${snapshot}` : `Schema: differs from ${snapshot}: ${mismatches.join('; ')}`);
        // As at the start: a warning, not a failure.
        if (extras.length > 0) printLine(io, `Warning: the database ${extrasSaid(db.engine, extras)}`);
        if (current) for (const line of describeOffices(await officeSummaries(db))) printLine(io, line);
        else printLine(io, 'Offices: not summarised until the database is migrated to this Talon');
        if (integrity.length > 0 || foreignKeys.length > 0 || migrations.mismatch || mismatches.length > 0) throw new CliFailure('the database has problems (see above)');
      } finally {
        await db.close();
      }
    });
}

function describeMigrations({ applied, known, pending, mismatch }: MigrationStatus): string {
  if (mismatch) return `${applied} applied, ${known} known; ${mismatch}`;
  if (pending.length > 0) return `${applied} of ${known} applied; the next start applies ${pending.join(', ')}`;
  return `${applied} of ${known} applied (current)`;
}

function describeOffices(offices: OfficeSummary[]): string[] {
  return [
    `Offices: ${offices.length}`,
    ...offices.map(({ id, archived, tickets, lastEvent }) => {
      const last = lastEvent ? `last event #${lastEvent.seq} at ${new Date(lastEvent.at).toISOString()}` : 'no events yet';
      return `  ${id}${archived ? ' (archived)' : ''}: ${tickets} tickets, ${last}`;
    }),
  ];
}
