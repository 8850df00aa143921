// What this node does when another node tells it something (cluster-bus.ts): forgets revoked access,
// adopts a saved configuration, starts or stops an office, catches an office up. After the bus was
// cut off, it looks again at all of it, since anything said meanwhile is lost.
import type { OfficeId } from '../../common/protocol';
import type { AccessRevocations } from '../auth/access-revocations';
import { logger } from '../observability/logger';
import type { OfficeRegistry } from '../offices/office-registry';
import type { ClusterBus, ClusterNews } from './cluster-bus';

const log = logger.child({ component: 'cluster' });

export interface ClusterFollowers {
  revocations: AccessRevocations;
  offices: OfficeRegistry;
}

/** Returns the function that stops following. */
export function followCluster(bus: ClusterBus, { revocations, offices }: ClusterFollowers): () => void {
  const failed = (what: string, officeId?: OfficeId) => (error: unknown) => log.error({ err: error, office: officeId }, `${what} failed`);
  // A busy office moves many times a second: one catch-up at a time per office, and one more after
  // it if the office moved meanwhile, however many times it was told.
  const catchingUp = new Map<OfficeId, { again: boolean }>();
  const catchUp = (officeId: OfficeId) => {
    const running = catchingUp.get(officeId);
    if (running) {
      running.again = true;
      return;
    }
    const run = { again: false };
    catchingUp.set(officeId, run);
    const next = async (): Promise<void> => {
      do {
        run.again = false;
        await offices.get(officeId)?.engine.upToDate();
      } while (run.again);
    };
    next()
      .catch(failed('catching up', officeId))
      .finally(() => catchingUp.delete(officeId));
  };

  const hear = (news: ClusterNews) => {
    switch (news.kind) {
      case 'access-revoked':
        return revocations.revokedElsewhere(news.room);
      case 'access-changed':
        return revocations.changedElsewhere(news.room);
      case 'office-config-changed':
        return void offices.get(news.officeId)?.config.reload().catch(failed('reloading the configuration', news.officeId));
      case 'office-created':
      case 'office-archived':
        return void offices.followStore(news.officeId).catch(failed('following the stored offices', news.officeId));
      case 'office-moved':
        return catchUp(news.officeId);
    }
  };

  return bus.listen({
    news: hear,
    resynced: () => {
      log.info('cluster bus back: looking again at offices, configurations and queues');
      void offices
        .followStore()
        .then(() => {
          for (const runtime of offices.running()) {
            void runtime.config.reload().catch(failed('reloading the configuration', runtime.officeId));
            catchUp(runtime.officeId);
          }
        })
        .catch(failed('following the stored offices'));
    },
  });
}
