// What this node does when another node tells it something (cluster-bus.ts): forgets revoked access,
// adopts a saved configuration or appointment settings, starts or stops an office, catches an office
// up. After the bus was cut off, it looks again at all of it, since anything said meanwhile is lost.
import type { OfficeId } from '../../common/protocol';
import type { AccessRevocations } from '../auth/access-revocations';
import { logger } from '../observability/logger';
import type { OfficeRegistry } from '../offices/office-registry';
import type { ClusterBus, ClusterNews } from './cluster-bus';

const log = logger.child({ component: 'cluster' });
/** How soon a node takes in another node's commits without being asked (breach alerts, office status). */
const CATCH_UP_AFTER_MS = 1_000;

export interface ClusterFollowers {
  revocations: AccessRevocations;
  offices: OfficeRegistry;
}

/** Returns the function that stops following. */
export function followCluster(bus: ClusterBus, { revocations, offices }: ClusterFollowers): () => void {
  const failed = (what: string, officeId?: OfficeId) => (error: unknown) => log.error({ err: error, office: officeId }, `${what} failed`);
  // A busy office moves many times a second, and each catch-up takes the office's lock and reloads it:
  // at most one eager catch-up per office every CATCH_UP_AFTER_MS, for all the news meanwhile. What
  // must be exact catches up itself, at once: a command, a snapshot, a resync (engine.upToDate).
  const scheduled = new Map<OfficeId, NodeJS.Timeout>();
  const catchUp = (officeId: OfficeId, seq?: number) => {
    if (scheduled.has(officeId) || (seq !== undefined && (offices.get(officeId)?.engine.seq ?? seq) >= seq)) return;
    const timer = setTimeout(() => {
      scheduled.delete(officeId);
      void offices.get(officeId)?.engine.upToDate().catch(failed('catching up', officeId));
    }, CATCH_UP_AFTER_MS);
    timer.unref();
    scheduled.set(officeId, timer);
  };

  const hear = (news: ClusterNews) => {
    switch (news.kind) {
      case 'access-revoked':
        return revocations.revokedElsewhere(news.room);
      case 'access-changed':
        return revocations.changedElsewhere(news.room);
      case 'office-config-changed':
        return void offices.get(news.officeId)?.config.reload().catch(failed('reloading the configuration', news.officeId));
      case 'appointment-settings-changed':
        return void offices.get(news.officeId)?.appointments.reloadSettings().catch(failed('reloading the appointment settings', news.officeId));
      case 'office-created':
      case 'office-archived':
        return void offices.followStore(news.officeId).catch(failed('following the stored offices', news.officeId));
      case 'office-moved':
        return catchUp(news.officeId, news.seq);
    }
  };

  const stopListening = bus.listen({
    news: hear,
    resynced: () => {
      log.info('cluster bus back: looking again at offices, configurations, appointment settings and queues');
      void offices
        .followStore()
        .then(() => {
          for (const runtime of offices.running()) {
            void runtime.config.reload().catch(failed('reloading the configuration', runtime.officeId));
            void runtime.appointments.reloadSettings().catch(failed('reloading the appointment settings', runtime.officeId));
            catchUp(runtime.officeId);
          }
        })
        .catch(failed('following the stored offices'));
    },
  });
  return () => {
    stopListening();
    scheduled.forEach((timer) => clearTimeout(timer));
  };
}
