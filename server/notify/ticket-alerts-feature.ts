// One office's part in telling visitors about their tickets: the ticket watch (ticket-watch.ts) and
// the public GET /public/channels, which tells the live ticket page which ways of being told the
// office offers now (Web Push, SMS, e-mail), so it offers only those.
import { Router } from 'express';
import type { OfferedChannels } from '../../common/protocol';
import { handle } from '../http/respond';
import { watchTickets, type TicketWatchDeps } from './ticket-watch';

export interface TicketAlerts {
  routes: Router;
  stop: () => void;
}

export function startTicketAlerts(deps: TicketWatchDeps): TicketAlerts {
  const routes = Router().get(
    '/public/channels',
    handle((): Promise<OfferedChannels> => deps.notify.settings.offered()),
  );
  return { routes, stop: watchTickets(deps) };
}
