// One office's retention on disk: its settings, the report of its last purge, and the purge itself.
// Each kind a purge removes is written once below, as a table and a condition: the dry run counts
// the rows the condition picks and the purge erases or deletes exactly those, so what the admin
// screen announces is what happens. The purge is one transaction: it happens whole or not at all.
import type { OfficeId } from '../../common/protocol';
import {
  DEFAULT_JOURNAL_RETENTION_DAYS,
  PURGE_KINDS,
  type PurgeKind,
  type RetentionPlan,
  type RetentionSettings,
} from '../../common/protocol/retention';
import type { Database, DatabaseEngine, Queryable, SqlValue } from '../store/database';
import { officeLock } from '../store/office-lock';
import { jsonWithoutKeys } from '../store/sql-dialect';
import { VISITOR_DETAILS_ERASED, VISITOR_DETAILS_KEPT_BEFORE } from '../store/visit-journal-store';

/** The instants a purge cuts at. */
export interface PurgeBounds {
  /** Personal data of visits served, and of bookings whose slot ended, before this goes. */
  personalDataBefore: number;
  /** Journal rows, and finished tickets issued, before this go (the start of the first day kept). */
  journalBefore: number;
  /** Now: visitors' contacts whose keep-until has passed go (each carries its own, set when it was made). */
  at: number;
}

interface PurgeStep {
  table: string;
  /** Erases in place when set (the SET list, for the database's engine); deletes the rows otherwise. */
  erase?: string | ((engine: DatabaseEngine) => string);
  where: string;
  params(officeId: OfficeId, bounds: PurgeBounds): SqlValue[];
}

/** The office's finished tickets issued before the journal's bound: what a day's summary was made from. */
const PURGED_TICKETS = "SELECT id FROM tickets WHERE office_id = ? AND status = 'finished' AND issued_at < ?";
const ofPurgedTickets = (officeId: OfficeId, bounds: PurgeBounds) => [officeId, officeId, bounds.journalBefore];

const EXPIRED_CONTACTS = 'SELECT id FROM visitor_contacts WHERE office_id = ? AND keep_until < ?';

// In PURGE_KINDS' order: the rows that name a ticket go before the ticket (foreign keys).
const STEPS: Record<PurgeKind, PurgeStep> = {
  'visitor-details': {
    table: 'visit_records',
    erase: VISITOR_DETAILS_ERASED,
    where: VISITOR_DETAILS_KEPT_BEFORE,
    params: (officeId, bounds) => [officeId, bounds.personalDataBefore],
  },
  'booking-details': {
    table: 'appointments',
    // The columns are NOT NULL: an erased booking keeps empty strings, which no phone search matches.
    // Its manage link stops working too: nothing of the booking is the visitor's to see any more.
    erase: "name = '', phone = '', phone_digits = '', manage_token_hash = NULL",
    where: "office_id = ? AND slot_end < ? AND (name <> '' OR phone <> '' OR phone_digits <> '' OR manage_token_hash IS NOT NULL)",
    params: (officeId, bounds) => [officeId, bounds.personalDataBefore],
  },
  // Only the phone's tickets hold a phone id: in `phoneId`, and in the retry key's id (`phone:<id>:…`),
  // which matters only on the ticket's own day. The key never appears unescaped inside a JSON string.
  'phone-ids': {
    table: 'tickets',
    erase: (engine) => `data = ${jsonWithoutKeys(engine, 'data', ['phoneId', 'request'])}`,
    where: `office_id = ? AND status = 'finished' AND finished_at < ? AND data LIKE '%"phoneId":%'`,
    params: (officeId, bounds) => [officeId, bounds.personalDataBefore],
  },
  // A contact's messages go before it (foreign key); a message outlives no contact, nor the journal.
  'visitor-messages': {
    table: 'outbox',
    where: `office_id = ? AND (created_at < ? OR contact_id IN (${EXPIRED_CONTACTS}))`,
    params: (officeId, bounds) => [officeId, bounds.journalBefore, officeId, bounds.at],
  },
  'visitor-contacts': { table: 'visitor_contacts', where: 'office_id = ? AND keep_until < ?', params: (officeId, bounds) => [officeId, bounds.at] },
  'print-jobs': { table: 'print_jobs', where: `office_id = ? AND ticket_id IN (${PURGED_TICKETS})`, params: ofPurgedTickets },
  'visit-records': { table: 'visit_records', where: `office_id = ? AND ticket_id IN (${PURGED_TICKETS})`, params: ofPurgedTickets },
  ratings: { table: 'visit_ratings', where: `office_id = ? AND ticket_id IN (${PURGED_TICKETS})`, params: ofPurgedTickets },
  tickets: {
    table: 'tickets',
    where: "office_id = ? AND status = 'finished' AND issued_at < ?",
    params: (officeId, bounds) => [officeId, bounds.journalBefore],
  },
  // The office's newest row stays, however old: the journal's last seq is where the office's numbering
  // goes on, after a restart and on every node, so it must never go back.
  'journal-events': {
    table: 'journal',
    where: 'office_id = ? AND at < ? AND seq < (SELECT MAX(seq) FROM journal WHERE office_id = ?)',
    params: (officeId, bounds) => [officeId, bounds.journalBefore, officeId],
  },
};

/** What the sweep at startup removes: personal data only. */
const PERSONAL_DATA_KINDS: readonly PurgeKind[] = ['visitor-details', 'booking-details', 'phone-ids', 'visitor-messages', 'visitor-contacts'];

export type PurgeCounts = Record<PurgeKind, number>;

export interface RetentionStore {
  settings(): Promise<RetentionSettings>;
  saveSettings(settings: RetentionSettings, at: number): Promise<void>;
  lastPurge(): Promise<RetentionPlan | null>;
  /** When the oldest ticket still open was issued; null when every ticket is finished. */
  oldestOpenTicket(): Promise<number | null>;
  /** When the oldest journal row or ticket was written; null for an office without any. */
  oldestRecord(): Promise<number | null>;
  /** What a purge with these bounds would remove; changes nothing. */
  count(bounds: PurgeBounds): Promise<PurgeCounts>;
  /** Removes it, and keeps `report(counts)` as the last purge, in one transaction. */
  purge(bounds: PurgeBounds, report: (counts: PurgeCounts) => RetentionPlan): Promise<RetentionPlan>;
  /** Erases only names, contacts and phones past their bound, and visitors' contacts past theirs (no report kept): the sweep at startup. */
  erasePersonalData(personalDataBefore: number, at: number): Promise<number>;
}

async function runSteps(tx: Queryable, officeId: OfficeId, bounds: PurgeBounds, kinds: readonly PurgeKind[]): Promise<PurgeCounts> {
  const counts = emptyCounts();
  for (const kind of kinds) {
    const step = STEPS[kind];
    const erase = typeof step.erase === 'function' ? step.erase(tx.engine) : step.erase;
    const sql = erase ? `UPDATE ${step.table} SET ${erase} WHERE ${step.where}` : `DELETE FROM ${step.table} WHERE ${step.where}`;
    counts[kind] = (await tx.run(sql, step.params(officeId, bounds))).changes;
  }
  return counts;
}

function emptyCounts(): PurgeCounts {
  return Object.fromEntries(PURGE_KINDS.map((kind) => [kind, 0])) as PurgeCounts;
}

export function createRetentionStore(db: Database, officeId: OfficeId): RetentionStore {
  return {
    async settings() {
      const row = await db.read.get<{ journalDays: number }>('SELECT journal_days AS "journalDays" FROM retention_settings WHERE office_id = ?', [officeId]);
      return { journalDays: row?.journalDays ?? DEFAULT_JOURNAL_RETENTION_DAYS };
    },

    saveSettings: (settings, at) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO retention_settings (office_id, journal_days, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (office_id) DO UPDATE SET journal_days = excluded.journal_days, updated_at = excluded.updated_at`,
          [officeId, settings.journalDays, at],
        );
      }, officeLock(officeId)),

    async lastPurge() {
      const row = await db.read.get<{ report: string }>('SELECT report FROM retention_purges WHERE office_id = ?', [officeId]);
      return row ? (JSON.parse(row.report) as RetentionPlan) : null;
    },

    async oldestOpenTicket() {
      const row = await db.read.get<{ oldest: number | null }>("SELECT MIN(issued_at) AS oldest FROM tickets WHERE office_id = ? AND status <> 'finished'", [officeId]);
      return row?.oldest ?? null;
    },

    async oldestRecord() {
      const row = await db.read.get<{ journal: number | null; tickets: number | null }>(
        `SELECT (SELECT MIN(at) FROM journal WHERE office_id = ?) AS journal, (SELECT MIN(issued_at) FROM tickets WHERE office_id = ?) AS tickets`,
        [officeId, officeId],
      );
      const known = [row?.journal, row?.tickets].filter((at): at is number => typeof at === 'number');
      return known.length > 0 ? Math.min(...known) : null;
    },

    async count(bounds) {
      const counts = emptyCounts();
      for (const kind of PURGE_KINDS) {
        const step = STEPS[kind];
        const row = await db.read.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${step.table} WHERE ${step.where}`, step.params(officeId, bounds));
        counts[kind] = row?.n ?? 0;
      }
      return counts;
    },

    purge: (bounds, report) =>
      db.transaction(async (tx) => {
        const done = report(await runSteps(tx, officeId, bounds, PURGE_KINDS));
        await tx.run(
          `INSERT INTO retention_purges (office_id, ran_at, report) VALUES (?, ?, ?)
           ON CONFLICT (office_id) DO UPDATE SET ran_at = excluded.ran_at, report = excluded.report`,
          [officeId, done.at, JSON.stringify(done)],
        );
        return done;
      }, officeLock(officeId)),

    async erasePersonalData(personalDataBefore, at) {
      const counts = await db.transaction(
        (tx) => runSteps(tx, officeId, { personalDataBefore, journalBefore: 0, at }, PERSONAL_DATA_KINDS),
        officeLock(officeId),
      );
      return PERSONAL_DATA_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
    },
  };
}
