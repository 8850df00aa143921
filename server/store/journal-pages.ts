// One office's journal of a local day read page by page, newest first: the staff app's booth journal
// (GET /journal) and `talon export-journal` read it the same way.
import type { JournalEntry, JournalPage, LocalDate, OfficeId } from '../../common/protocol';
import { addDays, zonedToEpoch } from '../../common/time/calendar';
import type { Database } from './database';

export interface JournalPageQuery {
  day: LocalDate;
  /** The office's time zone: where its day starts and ends. */
  timeZone: string;
  /** Only this booth's entries; every booth's when absent. */
  counterId?: string | undefined;
  /** The `next` of the page before; the newest page when absent. */
  before?: number | undefined;
  limit: number;
}

export async function readJournalPage(db: Database, officeId: OfficeId, query: JournalPageQuery): Promise<JournalPage> {
  const { day, timeZone, counterId = null, before = null, limit } = query;
  const [from, to] = [zonedToEpoch(day, '00:00', timeZone), zonedToEpoch(addDays(day, 1), '00:00', timeZone)];
  // One row more than the page tells whether another page follows. The casts type the parameters
  // that appear bare in `? IS NULL`, which PostgreSQL cannot do by itself.
  const rows = await db.read.all<JournalEntry>(
    `SELECT j.seq, j.at, j.kind, j.ticket_id AS "ticketId", t.code, j.counter_id AS "counterId", j.service_id AS "serviceId",
            j.actor, j.from_state AS "from", j.to_state AS "to", j.note
     FROM journal j LEFT JOIN tickets t ON t.id = j.ticket_id
     WHERE j.office_id = ? AND j.at >= ? AND j.at < ? AND (CAST(? AS TEXT) IS NULL OR j.counter_id = ?) AND (CAST(? AS BIGINT) IS NULL OR j.seq < ?)
     ORDER BY j.seq DESC LIMIT ?`,
    [officeId, from, to, counterId, counterId, before, before, limit + 1],
  );
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? entries[entries.length - 1]!.seq : null };
}
