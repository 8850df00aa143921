// How visits end: served, no-show, cancelled, ended with the day, and how many were transferred —
// per service and for booked visitors beside walk-ins.
import { ratio } from './distribution';
import { isBooked, type ReportInput } from './measures';
import type { Visit } from './visits';

export interface OutcomeCounts {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  dayEnded: number;
  /** Visits transferred at least once. */
  transferred: number;
  recalled: number;
  servedRatio: number | null;
  noShowRate: number | null;
  cancelRate: number | null;
  /** Left without service: cancelled or still waiting when the day ended. */
  walkOutRate: number | null;
  transferRate: number | null;
}

class Counter {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  dayEnded = 0;
  transferred = 0;
  recalled = 0;

  add(visit: Visit): void {
    this.issued += 1;
    if (visit.outcome === 'served') this.served += 1;
    else if (visit.outcome === 'no-show') this.noShow += 1;
    else if (visit.outcome === 'cancelled') this.cancelled += 1;
    else if (visit.outcome === 'day-ended') this.dayEnded += 1;
    if (visit.transfers > 0) this.transferred += 1;
    if (visit.legs.some((leg) => leg.recalls > 0)) this.recalled += 1;
  }

  counts(): OutcomeCounts {
    const { issued, served, noShow, cancelled, dayEnded, transferred, recalled } = this;
    return {
      issued,
      served,
      noShow,
      cancelled,
      dayEnded,
      transferred,
      recalled,
      servedRatio: ratio(served, issued),
      noShowRate: ratio(noShow, issued),
      cancelRate: ratio(cancelled, issued),
      walkOutRate: ratio(cancelled + dayEnded, issued),
      transferRate: ratio(transferred, issued),
    };
  }
}

export interface Outcomes {
  overall: OutcomeCounts;
  byService: ({ serviceId: string } & OutcomeCounts)[];
}

export function outcomes(input: Pick<ReportInput, 'visits'>): Outcomes {
  const overall = new Counter();
  const perService = new Map<string, Counter>();
  for (const visit of input.visits) {
    overall.add(visit);
    const counter = perService.get(visit.issuedServiceId) ?? new Counter();
    perService.set(visit.issuedServiceId, counter);
    counter.add(visit);
  }
  return {
    overall: overall.counts(),
    byService: [...perService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([serviceId, c]) => ({ serviceId, ...c.counts() })),
  };
}

export interface Appointments {
  booked: OutcomeCounts;
  walkIn: OutcomeCounts;
  /** Share of all tickets that came from a booking. */
  bookedShare: number | null;
}

export function appointments(input: Pick<ReportInput, 'visits'>): Appointments {
  const booked = new Counter();
  const walkIn = new Counter();
  for (const visit of input.visits) (isBooked(visit) ? booked : walkIn).add(visit);
  return { booked: booked.counts(), walkIn: walkIn.counts(), bookedShare: ratio(booked.issued, booked.issued + walkIn.issued) };
}
