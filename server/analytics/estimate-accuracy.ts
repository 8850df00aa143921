// Were the waits printed on tickets honest? Error = actual wait − promised wait, in minutes:
// positive means the visitor waited longer than promised.
import { describe, ratio, type Distribution } from './distribution';
import { MINUTE, type ReportInput } from './measures';

/** An estimate within this many minutes either way counts as accurate. */
export const ACCURATE_WITHIN_MINUTES = 5;

export interface AccuracyRow {
  serviceId: string;
  error: Distribution;
  /** Share within ±ACCURATE_WITHIN_MINUTES. */
  accurateShare: number | null;
  /** Share that waited longer than promised by more than ACCURATE_WITHIN_MINUTES. */
  lateShare: number | null;
}

export interface EstimateAccuracy {
  overall: Omit<AccuracyRow, 'serviceId'>;
  byService: AccuracyRow[];
}

export function estimateAccuracy(input: Pick<ReportInput, 'visits'>): EstimateAccuracy {
  const perService = new Map<string, number[]>();
  const all: number[] = [];
  for (const visit of input.visits) {
    if (visit.promisedWaitMinutes === null || visit.calledAt === null) continue;
    // The promise was made at issue about the time until the call, so it is judged from issue.
    const error = (visit.calledAt - visit.issuedAt) / MINUTE - visit.promisedWaitMinutes;
    const list = perService.get(visit.issuedServiceId) ?? [];
    perService.set(visit.issuedServiceId, list);
    list.push(error);
    all.push(error);
  }
  const row = (values: number[]) => ({
    error: describe(values),
    accurateShare: ratio(values.filter((e) => Math.abs(e) <= ACCURATE_WITHIN_MINUTES).length, values.length),
    lateShare: ratio(values.filter((e) => e > ACCURATE_WITHIN_MINUTES).length, values.length),
  });
  return {
    overall: row(all),
    byService: [...perService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([serviceId, values]) => ({ serviceId, ...row(values) })),
  };
}
