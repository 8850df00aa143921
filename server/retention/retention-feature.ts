// One office's retention wired up: its store, routes and the daily purge. At startup only personal
// data past its period is erased (cheap, and what the visit journal's sweep did); the first whole
// purge waits a few minutes and a random share of PURGE_SPREAD_MS, so two hundred offices starting
// together do not summarise and delete in the same minute, then it runs once a day. With several
// nodes, only one of them erases or purges an office at a time (db.exclusively), and what another
// node already purged is not there to purge again.
import type { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { RetentionPlan } from '../../common/protocol/retention';
import type { AnalyticsStore } from '../analytics/analytics-store';
import type { QueueEngine } from '../engine/queue-engine';
import { retentionRoutes } from '../http/retention-routes';
import { logger } from '../observability/logger';
import type { Database } from '../store/database';
import type { VisitJournal } from '../visits/visit-journal';
import { Retention } from './retention';
import { repeatEvery } from '../timing/repeat';
import { createRetentionStore } from './retention-store';

const PURGE_FIRST_AFTER_MS = 5 * 60_000;
const PURGE_SPREAD_MS = 60 * 60_000;
const PURGE_EVERY_MS = 24 * 60 * 60_000;

export interface RetentionFeature {
  retention: Retention;
  routes: Router;
  /** Stops the timer and waits for a purge under way, so the database can close after it. */
  stop(): Promise<void>;
}

export interface RetentionFeatureDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  analytics: AnalyticsStore;
  visitJournal: VisitJournal;
}

/** The office's retention on this node, over the node's own stores. */
export function createRetention(deps: RetentionFeatureDeps): Retention {
  return new Retention({ store: createRetentionStore(deps.db, deps.officeId), engine: deps.engine, analytics: deps.analytics, visitJournal: deps.visitJournal });
}

/** One run of the daily purge on this node: what it removed, or null when another node is purging the office now. */
export async function runDailyPurge({ db, officeId }: Pick<RetentionFeatureDeps, 'db' | 'officeId'>, retention: Retention): Promise<RetentionPlan | null> {
  let done: RetentionPlan | null = null;
  await db.exclusively(`purge:${officeId}`, async () => {
    const plan = await retention.purge();
    logger.info({ office: officeId, journalBefore: plan.journalBefore, counts: plan.counts }, 'daily purge done');
    done = plan;
  });
  return done;
}

export async function startRetention(deps: RetentionFeatureDeps): Promise<RetentionFeature> {
  const { officeId } = deps;
  const retention = createRetention(deps);
  await deps.db
    .exclusively(`erase-personal-data:${officeId}`, async () => void (await retention.erasePersonalData()))
    .catch((error: unknown) => logger.error({ err: error, office: officeId }, 'erasing expired personal data failed'));
  const timer = repeatEvery(
    () => void runDailyPurge(deps, retention).catch((error: unknown) => logger.error({ err: error, office: officeId }, 'the daily purge failed')),
    PURGE_FIRST_AFTER_MS + Math.random() * PURGE_SPREAD_MS,
    PURGE_EVERY_MS,
  );
  return {
    retention,
    routes: retentionRoutes(retention),
    stop: async () => {
      timer.cancel();
      await retention.settled();
    },
  };
}
