// One office's visitors' ratings: one per ticket, refused a second time by the primary key itself
// (ticket ids are unique across offices).
import type { LocalDate, OfficeId } from '../../common/protocol';
import type { Database } from './database';
import { officeLock } from './office-lock';

export interface Rating {
  ticketId: string;
  serviceDay: LocalDate;
  serviceId: string;
  counterId: string | null;
  specialistId: string | null;
  score: number;
  comment: string;
  ratedAt: number;
}

export interface RatingsStore {
  find(ticketId: string): Promise<Rating | null>;
  /** False when the ticket already has a rating. */
  add(rating: Rating): Promise<boolean>;
  between(from: LocalDate, to: LocalDate): Promise<Rating[]>;
}

const COLUMNS = `ticket_id AS "ticketId", service_day AS "serviceDay", service_id AS "serviceId", counter_id AS "counterId",
  specialist_id AS "specialistId", score, comment, rated_at AS "ratedAt"`;

export function createRatingsStore(db: Database, officeId: OfficeId): RatingsStore {
  return {
    async find(ticketId) {
      return (await db.read.get<Rating>(`SELECT ${COLUMNS} FROM visit_ratings WHERE office_id = ? AND ticket_id = ?`, [officeId, ticketId])) ?? null;
    },

    async add(r) {
      const { changes } = await db.transaction(
        (tx) =>
          tx.run(
            `INSERT INTO visit_ratings (office_id, ticket_id, service_day, service_id, counter_id, specialist_id, score, comment, rated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            [officeId, r.ticketId, r.serviceDay, r.serviceId, r.counterId, r.specialistId, r.score, r.comment, r.ratedAt],
          ),
        officeLock(officeId),
      );
      return changes === 1;
    },

    between(from, to) {
      return db.read.all<Rating>(
        `SELECT ${COLUMNS} FROM visit_ratings WHERE office_id = ? AND service_day >= ? AND service_day <= ? ORDER BY rated_at DESC, ticket_id DESC`,
        [officeId, from, to],
      );
    },
  };
}
