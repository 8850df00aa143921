// Were the waits printed on tickets honest? Error = actual wait − promised wait, in minutes:
// positive means the visitor waited longer than promised.
import type { Distribution, EstimateAccuracy } from '../../common/protocol/analytics';
import { ratio } from './distribution';
import type { ReportInput } from './measures';
import { GroupedHistograms, overallDistribution } from './wait-times';

export function estimateAccuracy(input: Pick<ReportInput, 'days'>): EstimateAccuracy {
  const errors = new GroupedHistograms();
  const shares = new Map<string, { accurate: number; late: number }>();
  const all = { accurate: 0, late: 0 };
  for (const day of input.days) {
    errors.add(day.visits.estimateErrors, ([serviceId]) => serviceId);
    for (const [serviceId, counts] of Object.entries(day.visits.estimateShares)) {
      const service = shares.get(serviceId) ?? { accurate: 0, late: 0 };
      shares.set(serviceId, service);
      for (const into of [service, all]) {
        into.accurate += counts.accurate;
        into.late += counts.late;
      }
    }
  }
  const byService = errors.describeAll();
  const row = (error: Distribution, counts: { accurate: number; late: number }) => ({
    error,
    accurateShare: ratio(counts.accurate, error.count),
    lateShare: ratio(counts.late, error.count),
  });
  return {
    overall: row(overallDistribution(input.days, (day) => day.visits.estimateErrors), all),
    byService: [...byService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([serviceId, error]) => ({ serviceId, ...row(error, shares.get(serviceId)!) })),
  };
}
