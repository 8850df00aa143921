// One local day reduced to what the reports read: counts per hour, outcome tallies, durations as
// per-second histograms, busy and paused time, the day's longest waits. Summaries of any days add up,
// so a year's report merges 365 of them instead of replaying 730,000 tickets.
import type { LocalDate, PauseReason } from '../../common/protocol';
import type { OutcomeTally } from '../../common/protocol/analytics';
import type { CounterDay, DaySummary, KeptLongWait, ServiceHour, ServiceKindHour, ServiceOnly, Specialist, StaffTime, VisitorKind, VisitSummary } from './day-summary-shape';
import { describe } from './distribution';
import { FamilyBuilder } from './histogram';
import type { LocalClock } from './local-clock';
import { abandonedAfterMs, busyMs, forEachHourPiece, isBooked, MINUTE, serviceMs, waitMs } from './measures';
import { emptyTally, tallyVisit } from './outcome-tally';
import type { CounterInterval, Visit } from './visits';
import { byLongestWait, longWaitOf } from './wait-times';

/** Longest waits a day keeps: the most any request may list. */
export const LONGEST_KEPT = 500;

/** An estimate within this many minutes either way counts as accurate. */
export const ACCURATE_WITHIN_MINUTES = 5;

const hours = () => new Array<number>(24).fill(0);
const keyOf = (id: string | null) => id ?? 'unknown';

export function summariseVisits(visits: readonly Visit[], clock: LocalClock, longestKept = LONGEST_KEPT): VisitSummary {
  const arrivalsByHour = hours();
  const servedByHour = hours();
  const servedByDayOfMonth: Record<number, number> = {};
  const outcomes: Record<string, OutcomeTally> = {};
  const appointments = { booked: emptyTally(), walkIn: emptyTally() };
  const waits = new FamilyBuilder<ServiceKindHour>();
  const abandoned = new FamilyBuilder<ServiceKindHour>();
  const waitsBySpecialist = new FamilyBuilder<Specialist>();
  const serviceTimes = new FamilyBuilder<ServiceHour>();
  const serviceTimesBySpecialist = new FamilyBuilder<Specialist>();
  const estimateErrors = new FamilyBuilder<ServiceOnly>();
  const estimateShares: VisitSummary['estimateShares'] = {};
  const specialists: VisitSummary['specialists'] = {};
  const dayWaits: number[] = [];
  const dayServices: number[] = [];
  const longest: KeptLongWait[] = [];
  for (const visit of visits) {
    const { hour } = clock.slot(visit.issuedAt);
    const service = visit.issuedServiceId;
    const kind: VisitorKind = isBooked(visit) ? 'booked' : 'walk-in';
    arrivalsByHour[hour]! += 1;
    if (visit.outcome === 'served' && visit.finishedAt !== null) {
      const done = clock.slot(visit.finishedAt);
      servedByHour[done.hour]! += 1;
      servedByDayOfMonth[done.dayOfMonth] = (servedByDayOfMonth[done.dayOfMonth] ?? 0) + 1;
    }
    tallyVisit((outcomes[service] ??= emptyTally()), visit);
    tallyVisit(kind === 'booked' ? appointments.booked : appointments.walkIn, visit);
    const wait = waitMs(visit);
    if (wait !== null) {
      waits.add([service, kind, hour], wait);
      waitsBySpecialist.add([keyOf(visit.legs[0]!.specialistId)], wait);
      dayWaits.push(wait / MINUTE);
    }
    const gaveUpAfter = abandonedAfterMs(visit);
    if (gaveUpAfter !== null) abandoned.add([service, kind, hour], gaveUpAfter);
    const longWait = longWaitOf(visit);
    if (longWait) longest.push(longWait);
    if (visit.promisedWaitMinutes !== null && visit.calledAt !== null) {
      // The promise was made at issue about the time until the call, so it is judged from issue.
      const error = visit.calledAt - visit.issuedAt - visit.promisedWaitMinutes * MINUTE;
      estimateErrors.add([service], error);
      const shares = (estimateShares[service] ??= { accurate: 0, late: 0 });
      if (Math.abs(error) <= ACCURATE_WITHIN_MINUTES * MINUTE) shares.accurate += 1;
      else if (error > ACCURATE_WITHIN_MINUTES * MINUTE) shares.late += 1;
    }
    for (const leg of visit.legs) {
      const minutes = serviceMs(leg);
      if (minutes !== null) {
        serviceTimes.add([leg.serviceId, hour], minutes);
        serviceTimesBySpecialist.add([keyOf(leg.specialistId)], minutes);
        dayServices.push(minutes / MINUTE);
      }
      if (leg.firstCalledAt === null) continue;
      const load = (specialists[keyOf(leg.specialistId)] ??= { served: 0, handled: 0, busyMs: 0 });
      load.handled += 1;
      if (leg.end === 'served') load.served += 1;
      load.busyMs += busyMs(leg);
    }
  }
  return {
    arrivalsByHour,
    servedByHour,
    servedByDayOfMonth,
    outcomes,
    appointments,
    waits: waits.build(),
    abandoned: abandoned.build(),
    waitsBySpecialist: waitsBySpecialist.build(),
    serviceTimes: serviceTimes.build(),
    serviceTimesBySpecialist: serviceTimesBySpecialist.build(),
    estimateErrors: estimateErrors.build(),
    estimateShares,
    day: { wait: describe(dayWaits), service: describe(dayServices) },
    specialists,
    longest: longest.sort(byLongestWait).slice(0, longestKept),
  };
}

/** Counter time per local date: booth hours from the open stretches, staff time from all of them. */
export function summariseCounters(intervals: readonly CounterInterval[], clock: LocalClock): Map<LocalDate, Record<string, CounterDay>> {
  const days = new Map<LocalDate, Record<string, CounterDay>>();
  const counterOn = (date: LocalDate, counterId: string) => {
    let day = days.get(date);
    if (!day) days.set(date, (day = {}));
    return (day[counterId] ??= { openMsByHour: new Int32Array(24), bySpecialist: {} });
  };
  forEachHourPiece(
    intervals.filter((i) => i.state === 'open'),
    clock,
    (interval, slot, ms) => (counterOn(slot.date, interval.counterId).openMsByHour[slot.hour]! += ms),
  );
  for (const interval of intervals) {
    const counter = counterOn(clock.slot(interval.from).date, interval.counterId);
    const time = (counter.bySpecialist[keyOf(interval.specialistId)] ??= { open: 0, lunch: 0, technical: 0, other: 0 });
    const slot: keyof StaffTime = interval.state === 'open' ? 'open' : ((interval.pauseReason ?? 'other') satisfies PauseReason);
    time[slot] += interval.to - interval.from;
  }
  return days;
}

/** Visits grouped by local date of issue. */
export function visitsByDate(visits: readonly Visit[], clock: LocalClock): Map<LocalDate, Visit[]> {
  const byDate = new Map<LocalDate, Visit[]>();
  for (const visit of visits) {
    const date = clock.slot(visit.issuedAt).date;
    const list = byDate.get(date);
    if (list) list.push(visit);
    else byDate.set(date, [visit]);
  }
  return byDate;
}

/** Any records as day summaries, one per date that has some, in date order. */
export function summariseRecords(visits: readonly Visit[], intervals: readonly CounterInterval[], clock: LocalClock): DaySummary[] {
  const byDate = visitsByDate(visits, clock);
  const counters = summariseCounters(intervals, clock);
  const dates = [...new Set([...byDate.keys(), ...counters.keys()])].sort();
  return dates.map((date) => ({ date, visits: summariseVisits(byDate.get(date) ?? [], clock), counters: counters.get(date) ?? {} }));
}

/** The services a visit stood in the queue of: a service's reports count exactly these visits. */
export function servicesOf(visit: Visit): Set<string> {
  return new Set([visit.issuedServiceId, ...visit.legs.map((leg) => leg.serviceId)]);
}
