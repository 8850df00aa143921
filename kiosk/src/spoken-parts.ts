// What each kiosk screen reads aloud: its heading, then its options or the ticket, as parts the
// server (or the browser's voice) turns into words — the same texts the screen shows.
import type { ErrorCode, SpokenPart, Ticket } from '../../common/protocol';
import type { MenuEntry } from './kiosk-menu';

const REASON_KEY = { limit: 'kiosk.reason.limit', notServed: 'kiosk.reason.notServed' } as const;

/** The start screen or one group: the heading, each button with why it is greyed out, the booking button. */
export function menuParts(entries: readonly MenuEntry[], groupOf: string | null): SpokenPart[] {
  const heading: SpokenPart = groupOf ? { groupOf } : { key: 'kiosk.chooseService' };
  const options = entries.flatMap((entry): SpokenPart[] => {
    const name: SpokenPart = entry.kind === 'group' ? { groupOf: entry.services[0]!.service.id } : { service: entry.service.id };
    return entry.unavailable ? [name, { key: REASON_KEY[entry.unavailable] }] : [name];
  });
  return [heading, ...options, { key: 'kiosk.appointment' }];
}

/** The issued ticket: its number spelled out, the service, the wait and what to do next. */
export function ticketParts(ticket: Ticket): SpokenPart[] {
  const next = ticket.print === 'pending' ? 'kiosk.printing' : ticket.print === 'failed' ? 'kiosk.printFailed' : 'kiosk.takeTicket';
  return [
    { key: 'ticket.yourNumber' },
    { ticket: ticket.code },
    { service: ticket.serviceId },
    ...(ticket.estimate
      ? ([
          { key: 'ticket.peopleAhead', params: { count: ticket.estimate.ahead } },
          ticket.estimate.waitMinutes === null
            ? { key: 'ticket.expectedWaitUnknown' }
            : { key: 'ticket.expectedWait', params: { count: ticket.estimate.waitMinutes } },
        ] satisfies SpokenPart[])
      : []),
    { key: next },
  ];
}

export const keypadParts = (): SpokenPart[] => [{ key: 'kiosk.keypad.title' }];
export const errorParts = (code: ErrorCode): SpokenPart[] => [{ key: `errors.${code}` }];
export const issuingParts = (): SpokenPart[] => [{ key: 'kiosk.issuing' }];
