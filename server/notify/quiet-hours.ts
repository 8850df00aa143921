// The office's quiet hours (MessageSettings quietFrom–quietUntil, its own clock): no e-mail or SMS
// about a booking goes then, except its confirmation (the visitor has just booked and waits for it).
// Queue news is never held: it is about now, and the visitor is in the hall.
import type { MessageSettings } from '../../common/protocol';
import { addDays, clockToMinutes, localParts, zonedToEpoch } from '../../common/time/calendar';

/** When the quiet hours around `now` end, or null when `now` is not in them (equal ends: never quiet). */
export function quietHoursEnd(now: number, settings: Pick<MessageSettings, 'quietFrom' | 'quietUntil'>, timeZone: string): number | null {
  const from = clockToMinutes(settings.quietFrom);
  const until = clockToMinutes(settings.quietUntil);
  const { date, minutes } = localParts(now, timeZone);
  const quiet = from < until ? minutes >= from && minutes < until : from > until && (minutes >= from || minutes < until);
  if (!quiet) return null;
  // Past midnight the end is today; before it (in a window across midnight) tomorrow.
  return zonedToEpoch(minutes < until ? date : addDays(date, 1), until, timeZone);
}
