// A digest as bytes for analytics_days: the scalars as 64-bit floats (sums of milliseconds pass
// 2³²), then the wait bins as 32-bit counts.
import type { RegionDigest } from './region-digest';

const SCALARS = ['issued', 'noShow', 'bookedIssued', 'walkInIssued', 'busyMs', 'loggedInMs', 'waitCount', 'waitSumMs', 'waitMinMs', 'waitMaxMs', 'levelCounted', 'levelWithin', 'binLow'] as const;

export function encodeDigest(digest: RegionDigest): Buffer {
  const scalars = Float64Array.from(SCALARS, (name) => digest[name]);
  return Buffer.concat([Buffer.from(scalars.buffer), Buffer.from(digest.bins.buffer, digest.bins.byteOffset, digest.bins.byteLength)]);
}

export function decodeDigest(blob: Buffer): RegionDigest {
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
    bins: new Uint32Array(bytes, SCALARS.length * 8),
  };
}
