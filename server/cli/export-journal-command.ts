// `talon export-journal --office <id> --date YYYY-MM-DD`: one office's journal of one day, every
// booth, oldest first, as CSV for a spreadsheet — for an audit or a complaint, without the staff app.
import { Command } from 'commander';
import { JOURNAL_PAGE_MAX, localDate as calendarDate, type JournalEntry, type OfficeId } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { toCsv } from '../analytics/csv';
import { loadConfig } from '../store/config-store';
import type { Database } from '../store/database';
import { createDevicesStore } from '../store/devices-store';
import { readJournalPage, type JournalPageQuery } from '../store/journal-pages';
import { createUsersStore } from '../store/users-store';
import { writeAtomically } from '../store/write-atomically';
import { CliFailure } from './cli-failure';
import { processIo, type CliIo } from './cli-io';
import { withDataDirOption, withMigratedDatabase, type DataDirOptions } from './data-folder';
import { journalTable, type ActorNames } from './journal-table';

interface ExportJournalOptions extends DataDirOptions {
  office: string;
  date?: string;
  out?: string;
}

/** Every page of the day, put back in the order things happened. */
async function wholeDay(db: Database, officeId: OfficeId, query: Omit<JournalPageQuery, 'before' | 'limit'>): Promise<JournalEntry[]> {
  const pages: JournalEntry[] = [];
  let before: number | null = null;
  do {
    const page = await readJournalPage(db, officeId, { ...query, limit: JOURNAL_PAGE_MAX, ...(before === null ? {} : { before }) });
    pages.push(...page.entries);
    before = page.next;
  } while (before !== null);
  return pages.reverse();
}

async function actorNames(db: Database, officeId: OfficeId): Promise<ActorNames> {
  const [users, devices] = await Promise.all([createUsersStore(db).list(), createDevicesStore(db).list(officeId)]);
  return new Map([...users.map((u) => [`user:${u.id}`, u.name] as const), ...devices.map((d) => [`device:${d.id}`, d.name] as const)]);
}

export function exportJournalCommand(io: CliIo = processIo): Command {
  const command = new Command('export-journal')
    .summary("one office's journal of a day as CSV")
    .description("Write one office's journal of one day (every booth, oldest first) as CSV")
    .requiredOption('--office <officeId>', 'the office')
    .option('--date <YYYY-MM-DD>', "the day, in the office's time zone (default: today there)")
    .option('--out <file>', 'write the CSV to this file instead of stdout');
  withDataDirOption(command);
  return command.action(async (options: ExportJournalOptions) => {
    if (options.date !== undefined && !calendarDate.safeParse(options.date).success) throw new CliFailure(`--date ${options.date} is not a real day written YYYY-MM-DD`);
    const csv = await withMigratedDatabase(options.dataDir, async (db) => {
      const config = await loadConfig(db, options.office);
      if (!config) throw new CliFailure(`no office "${options.office}"`);
      const { timeZone } = config.office;
      const entries = await wholeDay(db, options.office, { day: options.date ?? localDate(Date.now(), timeZone), timeZone });
      return toCsv(journalTable(entries, config, await actorNames(db, options.office)));
    });
    if (options.out) await writeAtomically(options.out, csv);
    else io.stdout.write(csv);
  });
}
