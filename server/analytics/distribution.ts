// The summary managers read for any set of durations: vendors give mean and maximum; we add the
// median and the 90th percentile, which a few very long visits cannot drag around.
import type { Distribution } from '../../common/protocol/analytics';

/**
 * Percentile by linear interpolation between closest ranks (the "R-7" rule of R, NumPy and
 * spreadsheets' PERCENTILE.INC): p = 0.5 of [1, 2, 3, 4] is 2.5.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  return sorted.length === 0 ? null : interpolatePercentile(sorted.length, p, (i) => sorted[i]!);
}

/** The same rule over n ordered values read through `valueAt` (a histogram has no array to index). */
export function interpolatePercentile(n: number, p: number, valueAt: (index: number) => number): number {
  const rank = (n - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(n - 1, low + 1);
  const lowValue = valueAt(low);
  return lowValue + (valueAt(high) - lowValue) * (rank - low);
}

export function describe(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    max: sorted[sorted.length - 1]!,
  };
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
