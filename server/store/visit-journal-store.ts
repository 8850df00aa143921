// One office's visit journal on disk: its settings document and one record per served ticket.
// Personal data (name, contact, the contact's key) is erased in place by `erasePersonalData`. A repeat
// visit is recognised within the office only: each office keeps its own visitors' contacts.
import type { LocalDate, VisitJournalSettings, VisitRecord, OfficeId } from '../../common/protocol';
import type { Database, Queryable } from './database';
import { officeLock } from './office-lock';
import { DEFAULT_VISIT_JOURNAL_SETTINGS } from './visit-journal-defaults';

/** A finished ticket as the journal sees it: where and by whom it was finished. */
export interface FinishedTicket {
  id: string;
  code: string;
  serviceDay: LocalDate;
  serviceId: string;
  counterId: string | null;
  outcome: string | null;
  finishedAt: number | null;
  /** The actor of its last 'ticket-finished' row: 'user:<id>' when a specialist pressed Done. */
  finishedBy: string | null;
}

/** What the specialist's request becomes, with the visit's facts filled in by the server. */
export type NewVisitRecord = Omit<VisitRecord, 'code' | 'repeatVisit'> & { contactKey: string | null };

interface RecordRow {
  ticketId: string;
  code: string;
  serviceDay: string;
  serviceId: string;
  counterId: string;
  specialistId: string | null;
  servedAt: number;
  reasonId: string | null;
  reasonText: string;
  resultId: string | null;
  resultText: string;
  visitorName: string | null;
  visitorContact: string | null;
  repeatVisit: number;
  recordedAt: number;
  recordedBy: string;
}

const RECORD_COLUMNS = `v.ticket_id AS "ticketId", t.code, v.service_day AS "serviceDay", v.service_id AS "serviceId", v.counter_id AS "counterId",
  v.specialist_id AS "specialistId", v.served_at AS "servedAt", v.reason_id AS "reasonId", v.reason_text AS "reasonText",
  v.result_id AS "resultId", v.result_text AS "resultText", v.visitor_name AS "visitorName", v.visitor_contact AS "visitorContact",
  v.repeat_visit AS "repeatVisit", v.recorded_at AS "recordedAt", v.recorded_by AS "recordedBy"`;

function toRecord(row: RecordRow): VisitRecord {
  return { ...row, repeatVisit: row.repeatVisit === 1 };
}

/** The columns reports count by; no personal data. */
export interface VisitFacts {
  reasonId: string | null;
  resultId: string | null;
  hasContact: boolean;
  repeatVisit: boolean;
}

export interface VisitJournalStore {
  settings(): Promise<VisitJournalSettings>;
  saveSettings(settings: VisitJournalSettings, at: number): Promise<void>;
  finishedTicket(ticketId: string): Promise<FinishedTicket | null>;
  /** Inserts or replaces the ticket's record; a repeat is an earlier visit with the same contact key. */
  save(record: NewVisitRecord): Promise<VisitRecord>;
  list(day: LocalDate, counterId?: string): Promise<VisitRecord[]>;
  facts(from: LocalDate, to: LocalDate): Promise<VisitFacts[]>;
  /** Erases names and contacts of visits served before `servedBefore`; answers how many records changed. */
  erasePersonalData(servedBefore: number): Promise<number>;
}

/** Erasing a record's personal data, and the records of an office (?) served before an instant (?) that still hold some: the retention purge counts and erases by the same words. */
export const VISITOR_DETAILS_ERASED = 'visitor_name = NULL, visitor_contact = NULL, contact_key = NULL';
export const VISITOR_DETAILS_KEPT_BEFORE =
  'office_id = ? AND served_at < ? AND (visitor_name IS NOT NULL OR visitor_contact IS NOT NULL OR contact_key IS NOT NULL)';

/** A ticket of the office that is finished (served or not), with who finished it; null for open or unknown tickets. */
export async function findFinishedTicket(db: Database, officeId: OfficeId, ticketId: string): Promise<FinishedTicket | null> {
  const row = await db.read.get<FinishedTicket>(
    `SELECT t.id, t.code, t.service_day AS "serviceDay", t.service_id AS "serviceId", t.counter_id AS "counterId", t.outcome,
            t.finished_at AS "finishedAt",
            (SELECT j.actor FROM journal j WHERE j.office_id = t.office_id AND j.ticket_id = t.id AND j.kind = 'ticket-finished'
             ORDER BY j.seq DESC LIMIT 1) AS "finishedBy"
     FROM tickets t WHERE t.id = ? AND t.office_id = ? AND t.status = 'finished'`,
    [ticketId, officeId],
  );
  return row ?? null;
}

/** The office's settings document; the defaults until an admin saves one. */
export async function loadVisitJournalSettings(q: Queryable, officeId: OfficeId): Promise<VisitJournalSettings> {
  const row = await q.get<{ data: string }>('SELECT data FROM visit_journal_settings WHERE office_id = ?', [officeId]);
  return row ? (JSON.parse(row.data) as VisitJournalSettings) : DEFAULT_VISIT_JOURNAL_SETTINGS;
}

export async function saveVisitJournalSettings(tx: Queryable, officeId: OfficeId, settings: VisitJournalSettings, at: number): Promise<void> {
  await tx.run(
    `INSERT INTO visit_journal_settings (office_id, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (office_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [officeId, JSON.stringify(settings), at],
  );
}

export function createVisitJournalStore(db: Database, officeId: OfficeId): VisitJournalStore {
  const get = async (ticketId: string): Promise<VisitRecord | null> => {
    const row = await db.read.get<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM visit_records v JOIN tickets t ON t.id = v.ticket_id WHERE v.office_id = ? AND v.ticket_id = ?`,
      [officeId, ticketId],
    );
    return row ? toRecord(row) : null;
  };

  return {
    settings: () => loadVisitJournalSettings(db.read, officeId),

    saveSettings: (settings, at) => db.transaction((tx) => saveVisitJournalSettings(tx, officeId, settings, at), officeLock(officeId)),

    finishedTicket: (ticketId) => findFinishedTicket(db, officeId, ticketId),

    async save(record) {
      await db.transaction(async (tx) => {
        const earlier = record.contactKey
          ? await tx.get('SELECT 1 FROM visit_records WHERE office_id = ? AND contact_key = ? AND ticket_id <> ? AND served_at <= ? LIMIT 1', [
              officeId,
              record.contactKey,
              record.ticketId,
              record.servedAt,
            ])
          : undefined;
        await tx.run(
          `INSERT INTO visit_records (office_id, ticket_id, service_day, service_id, counter_id, specialist_id, served_at, reason_id, reason_text,
             result_id, result_text, visitor_name, visitor_contact, contact_key, contact_recorded, repeat_visit, recorded_at, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (ticket_id) DO UPDATE SET reason_id = excluded.reason_id, reason_text = excluded.reason_text,
             result_id = excluded.result_id, result_text = excluded.result_text, visitor_name = excluded.visitor_name,
             visitor_contact = excluded.visitor_contact, contact_key = excluded.contact_key, contact_recorded = excluded.contact_recorded, repeat_visit = excluded.repeat_visit,
             recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
          [
            officeId, record.ticketId, record.serviceDay, record.serviceId, record.counterId, record.specialistId, record.servedAt,
            record.reasonId, record.reasonText, record.resultId, record.resultText, record.visitorName, record.visitorContact,
            record.contactKey, record.contactKey ? 1 : 0, earlier ? 1 : 0, record.recordedAt, record.recordedBy,
          ],
        );
      }, officeLock(officeId));
      const saved = await get(record.ticketId);
      if (!saved) throw new Error(`visit record ${record.ticketId} vanished after saving`);
      return saved;
    },

    async list(day, counterId) {
      // The cast types the parameter that appears bare in `? IS NULL`, which PostgreSQL cannot do by itself.
      const rows = await db.read.all<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM visit_records v JOIN tickets t ON t.id = v.ticket_id
         WHERE v.office_id = ? AND v.service_day = ? AND (CAST(? AS TEXT) IS NULL OR v.counter_id = ?) ORDER BY v.served_at DESC, v.ticket_id DESC`,
        [officeId, day, counterId ?? null, counterId ?? null],
      );
      return rows.map(toRecord);
    },

    async facts(from, to) {
      const rows = await db.read.all<{ reasonId: string | null; resultId: string | null; hasContact: number; repeatVisit: number }>(
        `SELECT reason_id AS "reasonId", result_id AS "resultId", contact_recorded AS "hasContact",
                repeat_visit AS "repeatVisit"
         FROM visit_records WHERE office_id = ? AND service_day >= ? AND service_day <= ?`,
        [officeId, from, to],
      );
      return rows.map((r) => ({ reasonId: r.reasonId, resultId: r.resultId, hasContact: r.hasContact === 1, repeatVisit: r.repeatVisit === 1 }));
    },

    async erasePersonalData(servedBefore) {
      const { changes } = await db.transaction(
        (tx) => tx.run(`UPDATE visit_records SET ${VISITOR_DETAILS_ERASED} WHERE ${VISITOR_DETAILS_KEPT_BEFORE}`, [officeId, servedBefore]),
        officeLock(officeId),
      );
      return changes;
    },
  };
}
