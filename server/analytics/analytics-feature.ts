// One office's analytics wired up: the store its reports read, which keeps each stored day's digest
// beside its summary (day-digest-store.ts, for the regional view), and the background work that
// keeps its finished days summarised and stored — so the regional view, which reads stored days of
// every office at once, finds yesterday there without summarising it first.
// The first run waits a minute and more: a starting server has every office to load first, and a
// random share of SUMMARISE_SPREAD_MS keeps two hundred offices from summarising in the same second.
// With several nodes, one of them summarises an office at a time (db.exclusively); a node coming
// after finds the days stored and has nothing left to do.
import { addDays, localDate } from '../../common/time/calendar';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import type { Database } from '../store/database';
import { AnalyticsStore } from './analytics-store';
import { storeDayDigests } from './day-digest-store';
import { repeatEvery } from '../timing/repeat';
import { logger } from '../observability/logger';

export const SUMMARISE_FIRST_AFTER_MS = 60_000;
export const SUMMARISE_SPREAD_MS = 10 * 60_000;
export const SUMMARISE_EVERY_MS = 60 * 60_000;
/** How far back each run looks: older days were stored by earlier runs, or are summarised on demand. */
export const SUMMARISE_DAYS_BACK = 35;

export interface AnalyticsFeature {
  store: AnalyticsStore;
  /** Stops the timer and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>;
}

interface AnalyticsDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
}

/** One run of the background work on this node: how many of the last SUMMARISE_DAYS_BACK finished
 *  days it stored (0 when another node is running it now, or they are stored already). */
export async function summariseFinishedDays({ db, officeId, engine }: AnalyticsDeps, store: AnalyticsStore): Promise<number> {
  const { timeZone } = engine.currentConfig.office;
  const yesterday = addDays(localDate(engine.now(), timeZone), -1);
  let stored = 0;
  await db.exclusively(`summarise:${officeId}`, async () => void (stored = await store.summarise(addDays(yesterday, 1 - SUMMARISE_DAYS_BACK), yesterday, timeZone)));
  return stored;
}

export function startAnalytics(deps: AnalyticsDeps): AnalyticsFeature {
  const { engine, officeId } = deps;
  const store = new AnalyticsStore(deps.db, officeId, () => engine.now(), storeDayDigests(officeId, () => engine.currentConfig.services));
  let running: Promise<unknown> = Promise.resolve();
  const summarise = () => {
    running = summariseFinishedDays(deps, store).catch((error: unknown) => logger.error({ err: error, office: officeId }, 'summarising the days failed'));
  };
  const timer = repeatEvery(summarise, SUMMARISE_FIRST_AFTER_MS + Math.random() * SUMMARISE_SPREAD_MS, SUMMARISE_EVERY_MS);
  return {
    store,
    stop: async () => {
      timer.cancel();
      await running;
    },
  };
}
