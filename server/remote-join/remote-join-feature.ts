// One office's phone joining wired up: its routes, and the sweep that drops phone tickets whose
// visitor did not say "I'm here" in time, at start and every minute. With several nodes every node
// sweeps, and that is still once in effect: the engine decides the drop under the office's lock, so a
// second node finds nothing left to drop.
import type { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import { remoteJoinRoutes } from '../http/remote-join-routes';
import type { PublicLimiters } from '../http/public-limits';
import type { ChannelSettingsStore } from '../notify/channel-settings-store';
import { logger } from '../observability/logger';
import type { Database } from '../store/database';
import { repeatEvery } from '../timing/repeat';
import { PhoneQueue } from './phone-queue';

export const ARRIVAL_SWEEP_EVERY_MS = 60_000;

export interface RemoteJoinDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  publicUrl: () => string;
  publicLimiters: PublicLimiters;
  /** The office's channel settings store, notify's (office-notify.ts): one per office. */
  settings: ChannelSettingsStore;
}

export interface RemoteJoinFeature {
  queue: PhoneQueue;
  routes: Router;
  stop(): void;
}

export function startRemoteJoin(deps: RemoteJoinDeps): RemoteJoinFeature {
  const queue = new PhoneQueue(deps);
  const sweep = () => queue.sweep().catch((error: unknown) => logger.error({ err: error, office: deps.officeId }, 'arrival sweep failed'));
  const timer = repeatEvery(() => void sweep(), 0, ARRIVAL_SWEEP_EVERY_MS);
  const routes = remoteJoinRoutes({ queue, limiters: deps.publicLimiters });
  return { queue, routes, stop: timer.cancel };
}
