// A booking as an iCalendar file (the `ics` package): METHOD:REQUEST adds or moves the entry in the
// visitor's calendar (a higher SEQUENCE replaces an earlier one with the same UID), METHOD:CANCEL
// removes it.
import { createEvent } from 'ics';
import type { CalendarInvite } from './channel-sender';

/** The .ics text; `organizer` is the office's From address (calendar clients want one with REQUEST). */
export function calendarFile(invite: CalendarInvite, organizer: { name: string; email: string } | null): string {
  const { error, value } = createEvent({
    productId: 'talon/visitor-messages',
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    start: invite.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: invite.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: invite.title,
    description: invite.description,
    location: invite.location,
    url: invite.url,
    status: invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    ...(organizer ? { organizer } : {}),
  });
  if (error || value === null) throw error ?? new Error('the calendar entry could not be written');
  return value;
}
