// Visitors rate a served visit once, from their live ticket page; the unguessable ticket id is the
// only credential, and it rates only within the ticket's own office. The rating keeps who served the visit, so reports can show ratings per specialist.
import type { z } from 'zod';
import type { LocalDate, RatingState, RatingsReport, ratingSchema, OfficeId } from '../../common/protocol';
import { userIdOf } from '../analytics/visits';
import type { QueueEngine } from '../engine/queue-engine';
import { fail } from '../http/respond';
import type { Database } from '../store/database';
import type { RatingsStore } from '../store/ratings-store';
import { findFinishedTicket, type FinishedTicket } from '../store/visit-journal-store';
import { ratingsReport } from './ratings-report';

/** A visit can be rated for a week: long enough to get home, short enough that old links go quiet. */
export const RATING_WINDOW_MS = 7 * 86_400_000;

type RatingInput = z.output<typeof ratingSchema>;

export class VisitRatings {
  constructor(
    private readonly db: Database,
    private readonly officeId: OfficeId,
    private readonly store: RatingsStore,
    private readonly engine: QueueEngine,
  ) {}

  async state(ticketId: string): Promise<RatingState> {
    const rated = await this.store.find(ticketId);
    if (rated) return { state: 'rated', score: rated.score };
    const { state } = await this.rateable(ticketId);
    return { state, score: null };
  }

  async rate(ticketId: string, input: RatingInput): Promise<RatingState> {
    const { state, ticket } = await this.rateable(ticketId);
    if (state === 'not-yet') fail('conflict', 'A visit can be rated once it is over', { reason: 'not-served' });
    if (state === 'closed' || !ticket) fail('conflict', 'This visit can no longer be rated', { reason: 'closed' });
    const added = await this.store.add({
      ticketId,
      serviceDay: ticket.serviceDay,
      serviceId: ticket.serviceId,
      counterId: ticket.counterId,
      specialistId: ticket.finishedBy ? userIdOf(ticket.finishedBy) : null,
      score: input.score,
      comment: input.comment,
      ratedAt: this.engine.now(),
    });
    if (!added) fail('conflict', 'This visit has already been rated', { reason: 'rated' });
    return { state: 'rated', score: input.score };
  }

  async report(period: { from: LocalDate; to: LocalDate }): Promise<RatingsReport> {
    const [ratings, names] = await Promise.all([
      this.store.between(period.from, period.to),
      this.db.read.all<{ id: string; name: string }>('SELECT id, name FROM users'),
    ]);
    return ratingsReport(ratings, {
      period,
      services: this.engine.currentConfig.services,
      staffNames: new Map(names.map((u) => [u.id, u.name])),
    });
  }

  /** Whether the ticket's visit may be rated now; a rating already given is checked by the caller. */
  private async rateable(ticketId: string): Promise<{ state: 'not-yet' | 'open' | 'closed'; ticket: FinishedTicket | null }> {
    if (this.engine.currentState.tickets.has(ticketId)) return { state: 'not-yet', ticket: null };
    const ticket = await findFinishedTicket(this.db, this.officeId, ticketId);
    if (!ticket) fail('not-found', 'No such ticket');
    const open = ticket.outcome === 'served' && ticket.finishedAt !== null && this.engine.now() - ticket.finishedAt <= RATING_WINDOW_MS;
    return { state: open ? 'open' : 'closed', ticket };
  }
}
