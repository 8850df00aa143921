// One office's visit journal and visitor ratings wired up: their stores, routes, and the sweep that
// erases visitors' names and contacts past the office's retention period — at startup and every hour.
import { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import type { PublicLimiters } from '../http/public-limits';
import { ratingRoutes } from '../http/rating-routes';
import { visitJournalRoutes } from '../http/visit-journal-routes';
import type { Database } from '../store/database';
import { createRatingsStore } from '../store/ratings-store';
import { createVisitJournalStore } from '../store/visit-journal-store';
import { VisitJournal } from './visit-journal';
import { VisitRatings } from './visit-ratings';
import { logger } from '../observability/logger';

export const RETENTION_SWEEP_EVERY_MS = 60 * 60_000;

export interface VisitsFeature {
  journal: VisitJournal;
  routes: Router;
  stop(): void;
}

export interface VisitsDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  /** The organisation's limits on the public, shared by every office's rating page. */
  publicLimiters: PublicLimiters;
}

export async function startVisits(deps: VisitsDeps): Promise<VisitsFeature> {
  const { db, officeId } = deps;
  const journal = new VisitJournal(createVisitJournalStore(db, officeId), deps.engine);
  const ratings = new VisitRatings(db, officeId, createRatingsStore(db, officeId), deps.engine);
  const sweep = () => journal.sweep().catch((error: unknown) => logger.error({ err: error, office: officeId }, 'personal data sweep failed'));
  await sweep();
  const timer = setInterval(() => void sweep(), RETENTION_SWEEP_EVERY_MS);
  // The sweep must never keep a stopping process alive.
  timer.unref();
  const routes = Router().use(visitJournalRoutes(journal, deps.engine)).use(ratingRoutes(ratings, deps.engine, deps.publicLimiters));
  return { journal, routes, stop: () => clearInterval(timer) };
}
