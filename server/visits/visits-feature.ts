// One office's visit journal and visitor ratings wired up: their stores and routes. Visitors' names and
// contacts past the office's retention period are erased by the office's retention (server/retention/):
// at startup and in its daily purge, and by the journal itself when its settings change.
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

export interface VisitsFeature {
  journal: VisitJournal;
  routes: Router;
}

export interface VisitsDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  /** The organisation's limits on the public, shared by every office's rating page. */
  publicLimiters: PublicLimiters;
}

export function startVisits(deps: VisitsDeps): VisitsFeature {
  const { db, officeId } = deps;
  const journal = new VisitJournal(createVisitJournalStore(db, officeId), deps.engine);
  const ratings = new VisitRatings(db, officeId, createRatingsStore(db, officeId), deps.engine);
  const routes = Router().use(visitJournalRoutes(journal, deps.engine)).use(ratingRoutes(ratings, deps.engine, deps.publicLimiters));
  return { journal, routes };
}
