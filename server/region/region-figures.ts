// The measures of the side-by-side table for a set of offices: one office, or the whole region.
// Built from the same pieces as an office's own comparison (comparison.ts) so the two never
// disagree; over several offices every visitor counts once (waits and shares are pooled, not means
// of office means), and each office's visitors are judged against that office's own targets.
import type { RegionFigures, RegionMeasure } from '../../common/protocol/region';
import { REGION_MEASURES } from '../../common/protocol/region';
import { ratio } from '../analytics/distribution';
import type { ReportInput } from '../analytics/measures';
import { appointments, outcomes } from '../analytics/outcomes';
import { forEachLevelSample, Tally } from '../analytics/service-level';
import { overallUtilisation } from '../analytics/specialist-load';
import { overallDistribution } from '../analytics/wait-times';

/** Visitors' ratings of a period: how many, and the sum of their scores. */
export interface RatingTotals {
  count: number;
  sum: number;
}

export const NO_RATINGS: RatingTotals = { count: 0, sum: 0 };

export function figuresOf(inputs: readonly ReportInput[], ratings: readonly RatingTotals[]): RegionFigures {
  const days = inputs.flatMap((input) => input.days);
  const waits = overallDistribution(days, (day) => day.visits.waits);
  const counts = outcomes({ days }).overall;
  const level = new Tally();
  for (const input of inputs) {
    for (const day of input.days) {
      forEachLevelSample(day, input.services, (_key, counted, within) => {
        level.counted += counted;
        level.within += within;
      });
    }
  }
  const rated = ratings.reduce((total, r) => ({ count: total.count + r.count, sum: total.sum + r.sum }), NO_RATINGS);
  return {
    visitors: counts.issued,
    meanWaitMinutes: waits.mean,
    p90WaitMinutes: waits.p90,
    serviceLevel: level.cell().share,
    noShowRate: counts.noShowRate,
    utilisation: overallUtilisation({ days }),
    satisfaction: ratio(rated.sum, rated.count),
    bookedShare: appointments({ days }).bookedShare,
    ratings: rated.count,
  };
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
