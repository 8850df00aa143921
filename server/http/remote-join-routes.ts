// Joining the queue from a phone: the admin's rules (GET/PUT /remote-join/settings), and the public
// join page's API — what can be taken now (GET /public/join), taking a ticket (POST /public/join) and
// "I'm here" (POST /public/tickets/<id>/arrived). The phone's id only ever comes in a POST body, so the
// request log (which records URLs) never sees it; answers never carry it.
import { Router } from 'express';
import {
  arrivedParamsSchema,
  arrivedSchema,
  joinQueueSchema,
  remoteJoinSettingsSchema,
  type JoinInfo,
  type JoinReceipt,
  type LiveTicket,
  type RemoteJoinSettings,
} from '../../common/protocol';
import { limitPerIp } from '../auth/limit-per-ip';
import { requireRole } from '../auth/permissions';
import type { ChannelSettingsStore } from '../notify/channel-settings-store';
import { publicTicket } from '../realtime/redact';
import type { PhoneQueue } from '../remote-join/phone-queue';
import type { PublicLimiters } from './public-limits';
import { handle, parse } from './respond';

export interface RemoteJoinRouteDeps {
  queue: PhoneQueue;
  settings: Pick<ChannelSettingsStore, 'forAdmin' | 'save'>;
  limiters: Pick<PublicLimiters, 'browse' | 'join' | 'arrive'>;
  now: () => number;
}

export function remoteJoinRoutes({ queue, settings, limiters, now }: RemoteJoinRouteDeps): Router {
  const router = Router();

  router.get(
    '/remote-join/settings',
    requireRole('admin', 'manager'),
    handle((): Promise<RemoteJoinSettings> => settings.forAdmin('remote-join')),
  );

  router.put(
    '/remote-join/settings',
    requireRole('admin'),
    handle((req): Promise<RemoteJoinSettings> => settings.save('remote-join', parse(remoteJoinSettingsSchema, req.body), now())),
  );

  router.get(
    '/public/join',
    handle((req, res): Promise<JoinInfo> => {
      limitPerIp(limiters.browse, req, res);
      return queue.info();
    }),
  );

  router.post(
    '/public/join',
    handle((req, res): Promise<JoinReceipt> => {
      limitPerIp(limiters.join, req, res);
      return queue.join(parse(joinQueueSchema, req.body));
    }),
  );

  router.post(
    '/public/tickets/:ticketId/arrived',
    handle(async (req, res): Promise<Pick<LiveTicket, 'ticket'>> => {
      limitPerIp(limiters.arrive, req, res);
      const { ticketId } = parse(arrivedParamsSchema, req.params);
      const { phoneId } = parse(arrivedSchema, req.body);
      return { ticket: publicTicket(await queue.arrived(ticketId, phoneId)) };
    }),
  );

  return router;
}
