// One office's part in telling visitors about their tickets: the ticket watch (ticket-watch.ts). The
// live page's routes (which channels are offered, "tell me") are in http/notify-routes.ts.
import { watchTickets, type TicketWatchDeps } from './ticket-watch';

export interface TicketAlerts {
  /** Resolves once a look in progress has ended. */
  stop: () => Promise<void>;
}

export function startTicketAlerts(deps: TicketWatchDeps): TicketAlerts {
  return { stop: watchTickets(deps) };
}
