// A digest as bytes for region_days: the scalars as 64-bit floats (sums of milliseconds pass 2³²),
// then the weekday × hour arrivals, the active hours per day of the month and the wait bins as 32-bit counts.
import { WEEK_HOURS, type DayDigest } from './day-digest';

const SCALARS = ['issued', 'noShow', 'bookedIssued', 'walkInIssued', 'busyMs', 'loggedInMs', 'waitCount', 'waitSumMs', 'waitMinMs', 'waitMaxMs', 'levelCounted', 'levelWithin', 'binLow'] as const;
const ARRAYS_AT = SCALARS.length * 8;
const ACTIVE_AT = ARRAYS_AT + WEEK_HOURS * 4;
const BINS_AT = ACTIVE_AT + 32 * 4;

const bytesOf = (a: Float64Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeDigest(digest: DayDigest): Buffer {
  const scalars = Float64Array.from(SCALARS, (name) => digest[name]);
  return Buffer.concat([scalars, digest.arrivalsByWeekdayHour, digest.activeHoursByDayOfMonth, digest.bins].map(bytesOf));
}

export function decodeDigest(blob: Buffer): DayDigest {
  // One aligned copy: typed arrays need offsets aligned to their element size, and a blob read from SQLite may not be.
  const bytes = new Uint8Array(blob).buffer;
  const [issued, noShow, bookedIssued, walkInIssued, busyMs, loggedInMs, waitCount, waitSumMs, waitMinMs, waitMaxMs, levelCounted, levelWithin, binLow] = new Float64Array(bytes, 0, SCALARS.length);
  // Written out in the order of the interface, so every digest has the same shape and merging a year of them stays fast.
  return {
    issued: issued!,
    noShow: noShow!,
    bookedIssued: bookedIssued!,
    walkInIssued: walkInIssued!,
    busyMs: busyMs!,
    loggedInMs: loggedInMs!,
    waitCount: waitCount!,
    waitSumMs: waitSumMs!,
    waitMinMs: waitMinMs!,
    waitMaxMs: waitMaxMs!,
    levelCounted: levelCounted!,
    levelWithin: levelWithin!,
    binLow: binLow!,
    bins: new Uint32Array(bytes, BINS_AT),
    arrivalsByWeekdayHour: new Uint32Array(bytes, ARRAYS_AT, WEEK_HOURS),
    activeHoursByDayOfMonth: new Uint32Array(bytes, ACTIVE_AT, 32),
  };
}
