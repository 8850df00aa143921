// Share of visitors called within their service's target: walk-ins against the walk-in target,
// booked visitors (wait counted from the later of arrival and slot start) against the booked one.
import { ratio } from './distribution';
import { isBooked, type ReportInput, serviceLevelSample } from './measures';

export interface LevelCell {
  /** Visitors counted: called, or left after the target had passed. */
  counted: number;
  within: number;
  share: number | null;
}

export interface ServiceLevelRow {
  serviceId: string;
  walkInTargetMinutes: number | null;
  bookedTargetMinutes: number | null;
  walkIn: LevelCell;
  booked: LevelCell;
  all: LevelCell;
}

export interface ServiceLevel {
  overall: { walkIn: LevelCell; booked: LevelCell; all: LevelCell };
  byService: ServiceLevelRow[];
}

class Tally {
  counted = 0;
  within = 0;

  add(within: boolean): void {
    this.counted += 1;
    if (within) this.within += 1;
  }

  cell(): LevelCell {
    return { counted: this.counted, within: this.within, share: ratio(this.within, this.counted) };
  }
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
  for (const visit of input.visits) {
    const sample = serviceLevelSample(visit, input.services);
    if (!sample) continue;
    const service = perService.get(visit.issuedServiceId) ?? tallies();
    perService.set(visit.issuedServiceId, service);
    for (const t of [overall, service]) {
      (isBooked(visit) ? t.booked : t.walkIn).add(sample.within);
      t.all.add(sample.within);
    }
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

/** Just the overall share, for comparisons and the staffing advisor. */
export function overallServiceLevel(input: Pick<ReportInput, 'visits' | 'services'>): number | null {
  const t = new Tally();
  for (const visit of input.visits) {
    const sample = serviceLevelSample(visit, input.services);
    if (sample) t.add(sample.within);
  }
  return t.cell().share;
}
