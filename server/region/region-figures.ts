// The measures of the side-by-side table for a set of offices: one office, or the whole region,
// from their day digests (server/analytics/day-digest.ts, which also adds them up). They are the office comparison's measures
// (comparison.ts) over the same definitions; over several offices every visitor counts once (waits
// and shares are pooled, not means of office means), each judged against their own office's targets.
import { REGION_MEASURES, type RegionFigures, type RegionMeasure } from '../../common/protocol/region';
import { interpolatePercentile, ratio } from '../analytics/distribution';
import { MINUTE } from '../analytics/measures';
import { WAIT_BIN_MS, type DayDigest } from '../analytics/day-digest';

/** Visitors' ratings of a period: how many, and the sum of their scores. */
export interface RatingTotals {
  count: number;
  sum: number;
}

export const NO_RATINGS: RatingTotals = { count: 0, sum: 0 };

export function figuresOf(digest: DayDigest, ratings: readonly RatingTotals[]): RegionFigures {
  const rated = ratings.reduce((total, r) => ({ count: total.count + r.count, sum: total.sum + r.sum }), NO_RATINGS);
  return {
    visitors: digest.issued,
    meanWaitMinutes: digest.waitCount === 0 ? null : digest.waitSumMs / (digest.waitCount * MINUTE),
    p90WaitMinutes: digest.waitCount === 0 ? null : interpolatePercentile(digest.waitCount, 0.9, (index) => waitAt(digest, index)) / MINUTE,
    serviceLevel: ratio(sumOf(digest.levelWithinByWeekdayHour), sumOf(digest.levelCountedByWeekdayHour)),
    noShowRate: ratio(digest.noShow, digest.issued),
    utilisation: ratio(digest.busyMs, digest.loggedInMs),
    satisfaction: ratio(rated.sum, rated.count),
    bookedShare: ratio(digest.bookedIssued, digest.bookedIssued + digest.walkInIssued),
    ratings: rated.count,
  };
}

/** The digest keeps the service-level counts per weekday × hour, for the staffing advisor; the table needs their sums. */
function sumOf(cells: Uint32Array): number {
  let sum = 0;
  for (const n of cells) sum += n;
  return sum;
}

/**
 * The index-th smallest wait (0-based) in ms: the waits of a bin placed evenly across it, kept
 * inside the exact extremes; percentiles then follow the office reports' rule (distribution.ts).
 */
function waitAt(digest: DayDigest, index: number): number {
  let seen = 0;
  for (let i = 0; i < digest.bins.length; i++) {
    const n = digest.bins[i]!;
    if (seen + n > index) {
      const top = (digest.binLow + i) * WAIT_BIN_MS;
      return Math.min(digest.waitMaxMs, Math.max(digest.waitMinMs, top - WAIT_BIN_MS + ((index - seen + 1) / n) * WAIT_BIN_MS));
    }
    seen += n;
  }
  return digest.waitMaxMs;
}

/** current − previous per measure, null where either side has no value. */
export function changeOf(current: RegionFigures, previous: RegionFigures): Record<RegionMeasure, number | null> {
  const change = {} as Record<RegionMeasure, number | null>;
  for (const measure of REGION_MEASURES) {
    const a = current[measure];
    const b = previous[measure];
    change[measure] = a === null || b === null ? null : a - b;
  }
  return change;
}
