// When a simulated booth is staffed on one day, and when it pauses: the office's own breaks and the
// booth's planned breaks from its configuration, kept only where they fall inside the office's
// hours and the booth's shift — a Saturday open 9–12 has no room for a 12:00 lunch.
import type { Counter, LocalDate, PauseReason } from '../../common/protocol';
import { clockToMinutes, zonedToEpoch } from '../../server/domain/time';
import type { Period } from '../../server/domain/schedule';

export interface BoothBreak extends Period {
  reason: PauseReason;
}

export interface BoothShift {
  start: number;
  end: number;
  /** In time order, none overlapping, each strictly inside [start, end). */
  breaks: BoothBreak[];
}

/**
 * The shift [start, end) wanted by demand, trimmed so it neither starts nor ends inside a break, with
 * the breaks that fall within it; null when nothing of the shift is left.
 */
export function boothShift(counter: Counter, date: LocalDate, timeZone: string, periods: readonly Period[], wanted: Period): BoothShift | null {
  const officeBreaks: BoothBreak[] = periods.slice(1).map((p, i) => ({ start: periods[i]!.end, end: p.start, reason: 'lunch' }));
  const planned: BoothBreak[] = counter.plannedBreaks
    .map((b) => ({ start: zonedToEpoch(date, clockToMinutes(b.start), timeZone), end: zonedToEpoch(date, clockToMinutes(b.end), timeZone), reason: b.kind }))
    .filter((b) => periods.some((p) => p.start <= b.start && b.end <= p.end));
  let { start, end } = wanted;
  const all = [...officeBreaks, ...planned].sort((a, b) => a.start - b.start);
  for (const b of all) {
    if (b.start <= start && start < b.end) start = b.end;
    if (b.start < end && end <= b.end) end = b.start;
  }
  const breaks: BoothBreak[] = [];
  for (const b of all) {
    const previous = breaks.at(-1);
    if (start < b.start && b.end < end && (!previous || previous.end <= b.start)) breaks.push(b);
  }
  return start < end ? { start, end, breaks } : null;
}
