// A digest as bytes for region_days: the scalars and the booth time per hour as 64-bit floats
// (sums of milliseconds pass 2³²), then the hourly counts and the wait bins as 32-bit counts.
import type { DayDigest } from './day-digest';

const SCALARS = ['issued', 'noShow', 'bookedIssued', 'walkInIssued', 'busyMs', 'loggedInMs', 'waitCount', 'waitSumMs', 'waitMinMs', 'waitMaxMs', 'levelCounted', 'levelWithin', 'binLow'] as const;
const HOURLY_AT = SCALARS.length * 8;
const BINS_AT = HOURLY_AT + 24 * 8 + (24 + 24 + 32) * 4;

const bytesOf = (a: Float64Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeDigest(digest: DayDigest): Buffer {
  const scalars = Float64Array.from(SCALARS, (name) => digest[name]);
  return Buffer.concat([scalars, digest.boothMsByHour, digest.arrivalsByHour, digest.servedByHour, digest.servedByDayOfMonth, digest.bins].map(bytesOf));
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
    boothMsByHour: new Float64Array(bytes, HOURLY_AT, 24),
    arrivalsByHour: new Uint32Array(bytes, HOURLY_AT + 24 * 8, 24),
    servedByHour: new Uint32Array(bytes, HOURLY_AT + 24 * 8 + 24 * 4, 24),
    servedByDayOfMonth: new Uint32Array(bytes, HOURLY_AT + 24 * 8 + 48 * 4, 32),
    bins: new Uint32Array(bytes, BINS_AT),
  };
}
