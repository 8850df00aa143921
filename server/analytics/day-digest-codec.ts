// A digest as bytes for region_days: the scalars as 64-bit floats (sums of milliseconds pass 2³²),
// the booth time per weekday × hour as 64-bit floats too (staffing-totals.ts says why), then the
// weekday × hour counts, the active hours per day of the month and the wait bins as 32-bit counts.
// The 64-bit parts come first, so each part starts aligned to its element size.
import type { DayDigest } from './day-digest';
import { WEEK_HOURS } from './week-hours';

const SCALARS = ['issued', 'noShow', 'bookedIssued', 'walkInIssued', 'busyMs', 'loggedInMs', 'waitCount', 'waitSumMs', 'waitMinMs', 'waitMaxMs', 'binLow', 'serviceSumMs', 'serviceCount'] as const;
const BOOTH_AT = SCALARS.length * 8;
const ARRIVALS_AT = BOOTH_AT + WEEK_HOURS * 8;
const COUNTED_AT = ARRIVALS_AT + WEEK_HOURS * 4;
const WITHIN_AT = COUNTED_AT + WEEK_HOURS * 4;
const ACTIVE_AT = WITHIN_AT + WEEK_HOURS * 4;
const BINS_AT = ACTIVE_AT + 32 * 4;

const bytesOf = (a: Float64Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeDigest(digest: DayDigest): Buffer {
  const scalars = Float64Array.from(SCALARS, (name) => digest[name]);
  const parts = [scalars, digest.boothOpenMsByWeekdayHour, digest.arrivalsByWeekdayHour, digest.levelCountedByWeekdayHour, digest.levelWithinByWeekdayHour, digest.activeHoursByDayOfMonth, digest.bins];
  return Buffer.concat(parts.map(bytesOf));
}

export function decodeDigest(blob: Buffer): DayDigest {
  // One aligned copy: typed arrays need offsets aligned to their element size, and a blob read from SQLite may not be.
  const bytes = new Uint8Array(blob).buffer;
  const [issued, noShow, bookedIssued, walkInIssued, busyMs, loggedInMs, waitCount, waitSumMs, waitMinMs, waitMaxMs, binLow, serviceSumMs, serviceCount] = new Float64Array(bytes, 0, SCALARS.length);
  // Written out in the order digestOf makes them, so every digest has the same shape and merging a year of them stays fast.
  return {
    issued: issued!,
    noShow: noShow!,
    bookedIssued: bookedIssued!,
    walkInIssued: walkInIssued!,
    loggedInMs: loggedInMs!,
    waitCount: waitCount!,
    waitSumMs: waitSumMs!,
    waitMinMs: waitMinMs!,
    waitMaxMs: waitMaxMs!,
    binLow: binLow!,
    bins: new Uint32Array(bytes, BINS_AT),
    activeHoursByDayOfMonth: new Uint32Array(bytes, ACTIVE_AT, 32),
    arrivalsByWeekdayHour: new Uint32Array(bytes, ARRIVALS_AT, WEEK_HOURS),
    levelCountedByWeekdayHour: new Uint32Array(bytes, COUNTED_AT, WEEK_HOURS),
    levelWithinByWeekdayHour: new Uint32Array(bytes, WITHIN_AT, WEEK_HOURS),
    boothOpenMsByWeekdayHour: new Float64Array(bytes, BOOTH_AT, WEEK_HOURS),
    busyMs: busyMs!,
    serviceSumMs: serviceSumMs!,
    serviceCount: serviceCount!,
  };
}
