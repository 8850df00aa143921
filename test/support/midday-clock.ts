// A clock that runs at real speed from today's midday on an office's clock. The demo office of the
// tests is open around the clock but closes for the last minute before its midnight, and its
// numbering starts again at midnight: a test on the real clock fails when CI happens to run it then.
import { localDate, zonedToEpoch } from '../../common/time/calendar';

export function middayClock(timeZone: string): () => number {
  const startedAt = Date.now();
  const midday = zonedToEpoch(localDate(startedAt, timeZone), '12:00', timeZone);
  return () => midday + (Date.now() - startedAt);
}
