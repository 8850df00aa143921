// One office's part in telling visitors: its channel settings, how long contacts are kept, and its
// routes (admin settings, the live page's "tell me"). Messages are sent by the node's dispatcher
// (notify-node.ts), which this office wakes after queuing.
import type { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import { notifyRoutes } from '../http/notify-routes';
import type { Database } from '../store/database';
import type { VisitJournal } from '../visits/visit-journal';
import type { NotifyLimiters } from './notify-limits';
import { createOfficeNotify, type OfficeNotify } from './office-notify';

export interface NotifyFeature {
  notify: OfficeNotify;
  routes: Router;
}

export interface NotifyFeatureDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  visitJournal: Pick<VisitJournal, 'settings'>;
  /** The node's (notify-node.ts). */
  node: { limiters: NotifyLimiters; dispatcher: { wake(): void } };
  /** Push services a subscription may name: one refused is never stored. */
  pushEndpointAllowed: (endpoint: URL) => boolean;
}

export function startNotify(deps: NotifyFeatureDeps): NotifyFeature {
  const { db, officeId, engine, node } = deps;
  const notify = createOfficeNotify({ db, officeId, engine, visitJournal: deps.visitJournal, wake: () => node.dispatcher.wake() });
  return { notify, routes: notifyRoutes({ db, engine, notify, limiters: node.limiters, pushEndpointAllowed: deps.pushEndpointAllowed }) };
}
