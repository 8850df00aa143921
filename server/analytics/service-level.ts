// Share of visitors called within their service's target: walk-ins against the walk-in target,
// booked visitors (wait counted from the later of arrival and slot start) against the booked one.
// Targets are applied when a report runs, to the days' wait histograms, so changing a target
// re-judges the whole history; they are honoured to the whole second.
import type { LevelCell, ServiceLevel } from '../../common/protocol/analytics';
import type { DaySummary, ServiceKindHour } from './day-summary-shape';
import { ratio } from './distribution';
import { countAtMost, statsOf } from './histogram';
import { MINUTE, type ReportInput, type ServiceTargets, targetMinutes } from './measures';

export class Tally {
  counted = 0;
  within = 0;

  cell(): LevelCell {
    return { counted: this.counted, within: this.within, share: ratio(this.within, this.counted) };
  }
}

/**
 * Hands `count` the visitors of each (service, kind, hour) of a day: those called within the target
 * count as within, those called later and those who left after the target passed as misses.
 */
export function forEachLevelSample(
  day: DaySummary,
  services: ReadonlyMap<string, ServiceTargets>,
  count: (key: ServiceKindHour, counted: number, within: number) => void,
): void {
  const targetMs = ([service, kind]: ServiceKindHour) => targetMinutes(service, kind === 'booked', services) * MINUTE;
  const { waits, abandoned } = day.visits;
  waits.keys.forEach((key, i) => count(key, statsOf(waits, i).count, countAtMost(waits, i, targetMs(key))));
  abandoned.keys.forEach((key, i) => count(key, statsOf(abandoned, i).count - countAtMost(abandoned, i, targetMs(key)), 0));
}

interface Tallies {
  walkIn: Tally;
  booked: Tally;
  all: Tally;
}

const tallies = (): Tallies => ({ walkIn: new Tally(), booked: new Tally(), all: new Tally() });

export function serviceLevel(input: ReportInput): ServiceLevel {
  const overall = tallies();
  const perService = new Map<string, Tallies>();
  for (const day of input.days) {
    forEachLevelSample(day, input.services, ([serviceId, kind], counted, within) => {
      if (counted === 0) return;
      let service = perService.get(serviceId);
      if (!service) perService.set(serviceId, (service = tallies()));
      for (const t of [overall, service]) {
        for (const tally of [kind === 'booked' ? t.booked : t.walkIn, t.all]) {
          tally.counted += counted;
          tally.within += within;
        }
      }
    });
  }
  const byService = [...perService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceId, t]) => {
      const targets = input.services.get(serviceId);
      return {
        serviceId,
        walkInTargetMinutes: targets?.targetWaitMinutes ?? null,
        bookedTargetMinutes: targets?.bookedTargetWaitMinutes ?? null,
        walkIn: t.walkIn.cell(),
        booked: t.booked.cell(),
        all: t.all.cell(),
      };
    });
  return { overall: { walkIn: overall.walkIn.cell(), booked: overall.booked.cell(), all: overall.all.cell() }, byService };
}

/** Just the overall share, for comparisons. */
export function overallServiceLevel(input: Pick<ReportInput, 'days' | 'services'>): number | null {
  const t = new Tally();
  for (const day of input.days) {
    forEachLevelSample(day, input.services, (_key, counted, within) => {
      t.counted += counted;
      t.within += within;
    });
  }
  return t.cell().share;
}
