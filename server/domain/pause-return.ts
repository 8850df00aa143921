// When a paused booth is planned to be back: the wait estimate counts a paused booth from this
// instant, so a booth at lunch helps the queue only once lunch is over.
import type { Counter, PauseReason } from '../../common/protocol';
import { clockToMinutes, localParts, zonedToEpoch } from '../../common/time/calendar';

const MINUTE = 60_000;

/**
 * The planned end of a pause starting at `now`: the minutes the specialist gave; else, for a lunch or
 * technical break, the end of the booth's planned break of that kind under way now, or — taken at
 * another hour — as long as that planned break; else unknown (null).
 */
export function plannedReturn(counter: Counter, reason: PauseReason, minutes: number | undefined, now: number, timeZone: string): number | null {
  if (minutes !== undefined) return now + minutes * MINUTE;
  if (reason === 'other') return null;
  const planned = counter.plannedBreaks.filter((b) => b.kind === reason);
  const { date, minutes: clock } = localParts(now, timeZone);
  const current = planned.find((b) => clockToMinutes(b.start) <= clock && clock < clockToMinutes(b.end));
  if (current) return zonedToEpoch(date, current.end, timeZone);
  const first = planned[0];
  return first ? now + (clockToMinutes(first.end) - clockToMinutes(first.start)) * MINUTE : null;
}
