// How visits end: served, no-show, cancelled, ended with the day, and how many were transferred —
// per service and for booked visitors beside walk-ins.
import type { Appointments, OutcomeCounts, Outcomes, OutcomeTally } from '../../common/protocol/analytics';
import { ratio } from './distribution';
import type { ReportInput } from './measures';
import { addTally, emptyTally } from './outcome-tally';

export function outcomeCounts(tally: OutcomeTally): OutcomeCounts {
  const { issued, served, noShow, cancelled, dayEnded, transferred } = tally;
  return {
    ...tally,
    servedRatio: ratio(served, issued),
    noShowRate: ratio(noShow, issued),
    cancelRate: ratio(cancelled, issued),
    walkOutRate: ratio(cancelled + dayEnded, issued),
    transferRate: ratio(transferred, issued),
  };
}

export function outcomes(input: Pick<ReportInput, 'days'>): Outcomes {
  const overall = emptyTally();
  const perService = new Map<string, OutcomeTally>();
  for (const day of input.days) {
    for (const [serviceId, tally] of Object.entries(day.visits.outcomes)) {
      addTally(overall, tally);
      let service = perService.get(serviceId);
      if (!service) perService.set(serviceId, (service = emptyTally()));
      addTally(service, tally);
    }
  }
  return {
    overall: outcomeCounts(overall),
    byService: [...perService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([serviceId, t]) => ({ serviceId, ...outcomeCounts(t) })),
  };
}

export function appointments(input: Pick<ReportInput, 'days'>): Appointments {
  const booked = emptyTally();
  const walkIn = emptyTally();
  for (const day of input.days) {
    addTally(booked, day.visits.appointments.booked);
    addTally(walkIn, day.visits.appointments.walkIn);
  }
  return { booked: outcomeCounts(booked), walkIn: outcomeCounts(walkIn), bookedShare: ratio(booked.issued, booked.issued + walkIn.issued) };
}
