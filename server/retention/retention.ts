// One office's retention: where the next purge cuts (from the settings, the visit journal's period
// for personal data and the office's clock and time zone), the dry run that counts what it would
// remove, and the purge. Day summaries are made from tickets and the journal, so before deleting a
// day's records the purge makes sure that day's summary is stored (AnalyticsStore.summarise): a
// stored summary is never rebuilt from what is left. Only whole days are purged, and never a day
// that still has a ticket open, since such a day cannot be summarised yet.
import type { RetentionOverview, RetentionPlan, RetentionSettings } from '../../common/protocol/retention';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import type { AnalyticsStore } from '../analytics/analytics-store';
import type { QueueEngine } from '../engine/queue-engine';
import type { VisitJournal } from '../visits/visit-journal';
import type { PurgeBounds, RetentionStore } from './retention-store';

const DAY_MS = 86_400_000;

/** Where a purge started now would cut: as the plan states it, as instants, and the zone its days are in. */
interface Cut {
  plan: Omit<RetentionPlan, 'counts'>;
  bounds: PurgeBounds;
  timeZone: string;
}

export interface RetentionDeps {
  store: RetentionStore;
  engine: QueueEngine;
  analytics: Pick<AnalyticsStore, 'summarise'>;
  /** Whose retentionDays rule visitors' personal data, in bookings too. */
  visitJournal: Pick<VisitJournal, 'settings'>;
}

export class Retention {
  /** Purges run one at a time: the daily one and an admin's "purge now" never overlap. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RetentionDeps) {}

  async overview(): Promise<RetentionOverview> {
    const [settings, { retentionDays }, next, lastPurge] = await Promise.all([
      this.deps.store.settings(),
      this.deps.visitJournal.settings(),
      this.dryRun(),
      this.deps.store.lastPurge(),
    ]);
    return { settings, personalDataDays: retentionDays, next, lastPurge };
  }

  settings(): Promise<RetentionSettings> {
    return this.deps.store.settings();
  }

  async saveSettings(settings: RetentionSettings): Promise<RetentionSettings> {
    await this.deps.store.saveSettings(settings, this.deps.engine.now());
    return settings;
  }

  /** What the purge would remove now; changes nothing. */
  async dryRun(): Promise<RetentionPlan> {
    const { plan, bounds } = await this.cut();
    return { ...plan, counts: await this.deps.store.count(bounds) };
  }

  purge(): Promise<RetentionPlan> {
    const run = async () => {
      const { plan, bounds, timeZone } = await this.cut();
      const oldest = await this.deps.store.oldestRecord();
      if (oldest !== null && oldest < bounds.journalBefore) {
        await this.deps.analytics.summarise(localDate(oldest, timeZone), addDays(plan.journalBefore, -1), timeZone);
      }
      return this.deps.store.purge(bounds, (counts) => ({ ...plan, counts }));
    };
    const result = this.running.then(run, run);
    this.running = result.catch(() => undefined);
    return result;
  }

  /** Only names, contacts and phones: cheap enough for every start, before the first daily purge. */
  async erasePersonalData(): Promise<number> {
    const { bounds } = await this.cut();
    return this.deps.store.erasePersonalData(bounds.personalDataBefore, bounds.at);
  }

  /** Resolves once a purge under way is over. */
  settled(): Promise<unknown> {
    return this.running;
  }

  private async cut(): Promise<Cut> {
    const { engine, store, visitJournal } = this.deps;
    const now = engine.now();
    const { timeZone } = engine.currentConfig.office;
    const [{ journalDays }, { retentionDays }, oldestOpen] = await Promise.all([store.settings(), visitJournal.settings(), store.oldestOpenTicket()]);
    const journalWanted = addDays(localDate(now, timeZone), -journalDays);
    const openSince = oldestOpen === null ? null : localDate(oldestOpen, timeZone);
    const journalBefore = openSince !== null && openSince < journalWanted ? openSince : journalWanted;
    const personalDataBefore = now - retentionDays * DAY_MS;
    return {
      plan: { at: now, personalDataBefore, journalBefore, journalWanted },
      bounds: { personalDataBefore, journalBefore: zonedToEpoch(journalBefore, 0, timeZone), at: now },
      timeZone,
    };
  }
}
