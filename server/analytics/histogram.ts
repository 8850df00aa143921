// Durations kept as counts per whole second, so a year of them merges in milliseconds. A value of v
// ms falls in bin ⌈v / 1000⌉ (the bin covers (b − 1, b] seconds), which keeps "within a target of T
// whole seconds" exact: v ≤ T·1000 exactly when its bin ≤ T. Count, sum, minimum and maximum are kept
// exactly beside the bins, so means and maxima are exact and percentiles are off by under a second
// (exact when every value is a whole second).
import type { Distribution } from '../../common/protocol/analytics';
import { interpolatePercentile } from './distribution';

const MINUTE = 60_000;
/** Bins beyond a week either way are folded into the edge bin; the exact maximum is kept anyway. */
const MAX_BIN = 7 * 24 * 3600;

export function binOf(ms: number): number {
  return Math.max(-MAX_BIN, Math.min(MAX_BIN, Math.ceil(ms / 1000)));
}

/** Exact statistics of one group of values, in ms. */
export interface Stats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * A family of histograms under tuple keys, as a day stores them. Each value is one step: the bins of
 * key i, ascending, start at binOf(min) and advance by steps[offsets[i]] … steps[offsets[i + 1] − 1]
 * (a step of ESCAPE advances without a value). Two bytes a value: a day's families are a few tens of
 * kilobytes, which is what makes reading a year fast.
 */
export interface HistogramFamily<K extends readonly (string | number)[]> {
  keys: K[];
  /** count, sum, min, max per key. */
  stats: Float64Array;
  offsets: Int32Array;
  steps: Uint16Array;
}

const ESCAPE = 0xffff;

/** Calls `each` with the bin of every value of one key, in ascending order; stops when it returns false. */
export function forEachBin(family: HistogramFamily<readonly (string | number)[]>, key: number, each: (bin: number) => boolean | void): void {
  let bin = binOf(family.stats[key * 4 + 2]!);
  for (let i = family.offsets[key]!; i < family.offsets[key + 1]!; i++) {
    const step = family.steps[i]!;
    bin += step;
    if (step !== ESCAPE && each(bin) === false) return;
  }
}

export function statsOf(family: HistogramFamily<readonly (string | number)[]>, key: number): Stats {
  const s = family.stats;
  return { count: s[key * 4]!, sum: s[key * 4 + 1]!, min: s[key * 4 + 2]!, max: s[key * 4 + 3]! };
}

/** How many values of one key are at most `ms` (exact for whole-second limits). */
export function countAtMost(family: HistogramFamily<readonly (string | number)[]>, key: number, ms: number): number {
  const limit = Math.floor(ms / 1000);
  let n = 0;
  forEachBin(family, key, (bin) => {
    if (bin > limit) return false;
    n += 1;
    return true;
  });
  return n;
}

/** Collects raw values under tuple keys while a day is summarised. */
export class FamilyBuilder<K extends readonly (string | number)[]> {
  private readonly groups = new Map<string, { key: K; values: number[] }>();

  add(key: K, ms: number): void {
    const id = key.join('\u0000');
    const group = this.groups.get(id);
    if (group) group.values.push(ms);
    else this.groups.set(id, { key, values: [ms] });
  }

  build(): HistogramFamily<K> {
    const groups = [...this.groups.values()];
    const stats = new Float64Array(groups.length * 4);
    const offsets = new Int32Array(groups.length + 1);
    const steps: number[] = [];
    groups.forEach(({ values }, k) => {
      const sorted = Float64Array.from(values).sort();
      let sum = 0;
      for (const v of sorted) sum += v;
      stats.set([sorted.length, sum, sorted[0]!, sorted[sorted.length - 1]!], k * 4);
      let bin = binOf(sorted[0]!);
      for (const v of sorted) {
        let step = binOf(v) - bin;
        bin += step;
        for (; step >= ESCAPE; step -= ESCAPE) steps.push(ESCAPE);
        steps.push(step);
      }
      offsets[k + 1] = steps.length;
    });
    return { keys: groups.map((g) => g.key), stats, offsets, steps: Uint16Array.from(steps) };
  }
}

/** A merge target: any number of keys of any number of days, described at the end. */
export class Histogram {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** counts[i] is the count of bin i + low. */
  private counts = new Float64Array(0);
  private low = 0;

  addKey(family: HistogramFamily<readonly (string | number)[]>, key: number): void {
    const s = family.stats;
    this.count += s[key * 4]!;
    this.sum += s[key * 4 + 1]!;
    this.min = Math.min(this.min, s[key * 4 + 2]!);
    this.max = Math.max(this.max, s[key * 4 + 3]!);
    this.cover(binOf(s[key * 4 + 2]!), binOf(s[key * 4 + 3]!));
    forEachBin(family, key, (bin) => {
      this.counts[bin - this.low]! += 1;
    });
  }

  /** Minutes, like every report; percentiles by the same interpolation as `describe`. */
  describe(): Distribution {
    if (this.count === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
    return {
      count: this.count,
      mean: this.sum / (this.count * MINUTE),
      median: interpolatePercentile(this.count, 0.5, (i) => this.valueAt(i)),
      p90: interpolatePercentile(this.count, 0.9, (i) => this.valueAt(i)),
      max: this.max / MINUTE,
    };
  }

  /** The index-th smallest value (0-based) in minutes: its bin, kept inside the exact min and max. */
  private valueAt(index: number): number {
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen > index) return Math.min(this.max, Math.max(this.min, (i + this.low) * 1000)) / MINUTE;
    }
    return this.max / MINUTE;
  }

  private cover(from: number, to: number): void {
    const high = this.low + this.counts.length - 1;
    if (this.counts.length > 0 && from >= this.low && to <= high) return;
    // Grow by at least half again: a year of days widens the range a little at a time.
    const slack = Math.ceil(this.counts.length / 2);
    const low = this.counts.length === 0 ? from : Math.min(from, this.low - (from < this.low ? slack : 0));
    const top = this.counts.length === 0 ? to : Math.max(to, high + (to > high ? slack : 0));
    const grown = new Float64Array(top - low + 1);
    if (this.counts.length > 0) grown.set(this.counts, this.low - low);
    this.counts = grown;
    this.low = low;
  }
}
