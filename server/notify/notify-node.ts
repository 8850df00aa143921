// Telling visitors, as one node runs it: the senders it has, the dispatcher that sends every running
// office's messages, the public's limits and the stop links' route. Made once in app.ts; each office's
// part (settings, contacts route, keepUntil) is notify-feature.ts. The dispatcher starts once the
// offices run (dispatcher.start()).
import type { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import { stopRoutes } from '../http/stop-routes';
import type { Logger } from '../observability/logger';
import type { Database } from '../store/database';
import { ChannelSenders, type ChannelSender } from './channel-sender';
import { Dispatcher, type DispatchOffice } from './dispatcher';
import { createNotifyLimiters, type NotifyLimiters } from './notify-limits';
import type { WebPushSenderDeps } from './push/web-push-sender';
import { defaultSenders } from './senders';

export interface NotifyNode {
  dispatcher: Dispatcher;
  limiters: NotifyLimiters;
  /** Organisation routes: POST /api/stop. */
  routes: Router;
}

export interface NotifyNodeDeps {
  db: Database;
  clock: () => number;
  log: Logger;
  publicUrl: () => string;
  /** The server's VAPID keys and where push messages may go. */
  push: WebPushSenderDeps;
  /** Replace the real senders of these channels (tests). */
  senders?: readonly ChannelSender[];
  officeIds: () => OfficeId[];
  office: (officeId: OfficeId) => DispatchOffice | undefined;
}

export function startNotifyNode(deps: NotifyNodeDeps): NotifyNode {
  const senders = new ChannelSenders([...defaultSenders(deps.push), ...(deps.senders ?? [])]);
  const limiters = createNotifyLimiters(deps.clock);
  const dispatcher = new Dispatcher({ db: deps.db, clock: deps.clock, senders, officeIds: deps.officeIds, office: deps.office, publicUrl: deps.publicUrl, log: deps.log });
  return { dispatcher, limiters, routes: stopRoutes(deps.db, deps.clock, limiters) };
}
