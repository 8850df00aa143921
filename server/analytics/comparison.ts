// This period beside the one it is aligned with (aligned-periods.ts): the few numbers a manager reports upward.
import type { CompareWith, Comparison, KpiName, Kpis } from '../../common/protocol/analytics';
import type { ReportInput } from './measures';
import { outcomes } from './outcomes';
import { overallServiceLevel } from './service-level';
import { overallUtilisation } from './specialist-load';
import { overallDistribution } from './wait-times';

export function kpis(input: ReportInput): Kpis {
  const waits = overallDistribution(input.days, (day) => day.visits.waits);
  const counts = outcomes(input).overall;
  return {
    from: input.period.from,
    to: input.period.to,
    arrivals: counts.issued,
    served: counts.served,
    meanWaitMinutes: waits.mean,
    medianWaitMinutes: waits.median,
    p90WaitMinutes: waits.p90,
    serviceLevel: overallServiceLevel(input),
    noShowRate: counts.noShowRate,
    walkOutRate: counts.walkOutRate,
    utilisation: overallUtilisation(input),
  };
}

export function compare(current: ReportInput, previous: ReportInput, compareWith: CompareWith): Comparison {
  const now = kpis(current);
  const before = kpis(previous);
  const names = Object.keys(now).filter((k): k is KpiName => k !== 'from' && k !== 'to');
  const change = Object.fromEntries(
    names.map((name) => {
      const a = now[name];
      const b = before[name];
      return [name, a === null || b === null ? null : a - b];
    }),
  ) as Record<KpiName, number | null>;
  return { compareWith, current: now, previous: before, change };
}
