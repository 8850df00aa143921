// The public join page's API: what a phone can take now (GET /public/join), taking a ticket (POST
// /public/join) and "I'm here" (POST /public/tickets/<id>/arrived). The admin sets the rules with the
// other channel settings (GET/PUT /channels/remote-join, notify-routes.ts). The phone's id only ever
// comes in a POST body, so the request log (which records URLs) never sees it; answers never carry it.
import { Router } from 'express';
import {
  arrivedParamsSchema,
  arrivedSchema,
  joinQueueSchema,
  type JoinInfo,
  type JoinReceipt,
  type LiveTicket,
} from '../../common/protocol';
import { limitPerIp } from '../auth/limit-per-ip';
import { visitorTicket } from '../realtime/redact';
import type { PhoneQueue } from '../remote-join/phone-queue';
import type { PublicLimiters } from './public-limits';
import { handle, parse } from './respond';

export interface RemoteJoinRouteDeps {
  queue: PhoneQueue;
  limiters: Pick<PublicLimiters, 'browse' | 'join' | 'arrive'>;
}

export function remoteJoinRoutes({ queue, limiters }: RemoteJoinRouteDeps): Router {
  const router = Router();

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
      return { ticket: visitorTicket(await queue.arrived(ticketId, phoneId)) };
    }),
  );

  return router;
}
