// Hand-made visit records for analytics tests: a ticket's story told as journal rows at local times.
import type { EventKind, Priority } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { buildVisit, type TicketEvent, type Visit } from '../../server/analytics/visits';

export interface Story {
  id: string;
  service: string;
  issued: string;
  booked?: string;
  promised?: number;
  /** [local time 'HH:MM' or 'YYYY-MM-DD HH:MM', kind, counter, to, specialist]. */
  events: [string, EventKind, string?, string?, string?][];
}

export function visitFrom(story: Story, date: string, timeZone: string, specialist = 'u1'): Visit {
  const at = (text: string) => {
    const [d, t] = text.includes(' ') ? text.split(' ') : [date, text];
    return zonedToEpoch(d!, t!, timeZone);
  };
  const priority: Priority['kind'] = story.booked ? 'booked' : 'normal';
  const events: TicketEvent[] = story.events.map(([time, kind, counterId, to, who]) => ({
    at: at(time),
    kind,
    counterId: counterId ?? null,
    actor: `user:${who ?? specialist}`,
    to: to ?? null,
  }));
  return buildVisit(
    {
      ticketId: story.id,
      code: story.id.toUpperCase(),
      issuedServiceId: story.service,
      source: story.booked ? 'appointment' : 'kiosk',
      priorityKind: priority,
      slotStart: story.booked ? at(story.booked) : null,
      issuedAt: at(story.issued),
      promisedWaitMinutes: story.promised ?? null,
    },
    events,
  );
}
