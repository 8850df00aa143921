// When a simulated booth is staffed on one day, and when it pauses: the office's own breaks and the
// booth's planned breaks from its configuration, kept only where they fall inside the office's
// hours and the booth's shift — a Saturday open 9–12 has no room for a 12:00 lunch.
import type { Counter, LocalDate, PauseReason } from '../../common/protocol';
import { clockToMinutes, zonedToEpoch } from '../../common/time/calendar';
import type { Period } from '../../server/domain/schedule';

export interface BoothBreak extends Period {
  reason: PauseReason;
}

export interface BoothShift {
  start: number;
  /** Never inside a break: a shift ends before a break, not during it. */
  end: number;
  /**
   * Every break of the day after the start, in time order, none overlapping; those before the end
   * are taken. Later ones wait in case the specialist stays on (see `endOutsideBreaks`).
   */
  breaks: BoothBreak[];
}

/** `until`, or the start of the break it falls in: nobody goes home in the middle of a break. */
export function endOutsideBreaks(breaks: readonly BoothBreak[], until: number): number {
  return breaks.find((b) => b.start < until && until <= b.end)?.start ?? until;
}

/** The shift [start, end) wanted by demand, trimmed out of breaks, with the breaks after its start; null when nothing is left. */
export function boothShift(counter: Counter, date: LocalDate, timeZone: string, periods: readonly Period[], wanted: Period): BoothShift | null {
  const officeBreaks: BoothBreak[] = periods.slice(1).map((p, i) => ({ start: periods[i]!.end, end: p.start, reason: 'lunch' }));
  const planned: BoothBreak[] = counter.plannedBreaks
    .map((b) => ({ start: zonedToEpoch(date, clockToMinutes(b.start), timeZone), end: zonedToEpoch(date, clockToMinutes(b.end), timeZone), reason: b.kind }))
    .filter((b) => periods.some((p) => p.start <= b.start && b.end <= p.end));
  const all = [...officeBreaks, ...planned].sort((a, b) => a.start - b.start);
  const start = all.find((b) => b.start <= wanted.start && wanted.start < b.end)?.end ?? wanted.start;
  const breaks: BoothBreak[] = [];
  for (const b of all) {
    const previous = breaks.at(-1);
    if (start < b.start && (!previous || previous.end <= b.start)) breaks.push(b);
  }
  const end = endOutsideBreaks(breaks, wanted.end);
  return start < end ? { start, end, breaks } : null;
}
