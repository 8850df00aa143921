// What the staffing advisor (staffing.ts) adds up over the days it stands on: per weekday × hour the
// arrivals, the visitors the service level counts and those of them called in time, and the booth
// time open; over all of them the booths' busy time and the service times. Every figure is a count or
// a sum of whole milliseconds, so totals are exact in any order: the office's own advice adds up its
// day summaries here, the regional view adds up the same totals kept in each day's digest
// (day-digest.ts), and both get the same advice to the last bit.
import type { DaySummary } from './day-summary-shape';
import { statsOf } from './histogram';
import type { ServiceTargets } from './measures';
import { forEachLevelSample } from './service-level';
import { busyMsOf } from './specialist-load';
import { WEEK_HOURS, weekHourOfDate } from './week-hours';

export interface StaffingTotals {
  /** Per weekday × hour (week-hours.ts): visitors who arrived. */
  arrivalsByWeekdayHour: Uint32Array;
  /** Per weekday × hour of arrival: visitors the service level counts, and those of them called within their target. */
  levelCountedByWeekdayHour: Uint32Array;
  levelWithinByWeekdayHour: Uint32Array;
  /**
   * Per weekday × hour: ms the booths were open, added over the booths. In ms and not seconds, since
   * the counters' time is whole ms and the mean booths open must equal the office's own to the bit;
   * as 64-bit floats, since a region's year of one cell passes 2³² ms (1,193 booth-hours) and stays
   * an exact integer up to 2⁵³.
   */
  boothOpenMsByWeekdayHour: Float64Array;
  /** The booths' busy time, first call → end of every leg (measures.ts busyMs), in ms. */
  busyMs: number;
  /** Start → finish of the legs worked on (measures.ts serviceMs): their sum in ms and their number. */
  serviceSumMs: number;
  serviceCount: number;
}

export function emptyStaffingTotals(): StaffingTotals {
  return {
    arrivalsByWeekdayHour: new Uint32Array(WEEK_HOURS),
    levelCountedByWeekdayHour: new Uint32Array(WEEK_HOURS),
    levelWithinByWeekdayHour: new Uint32Array(WEEK_HOURS),
    boothOpenMsByWeekdayHour: new Float64Array(WEEK_HOURS),
    busyMs: 0,
    serviceSumMs: 0,
    serviceCount: 0,
  };
}

/** One day's totals, its hours in the cells of its weekday, its visitors judged against `services`' targets. */
export function staffingTotalsOfDay(day: DaySummary, services: ReadonlyMap<string, ServiceTargets>): StaffingTotals {
  const totals = emptyStaffingTotals();
  const midnight = weekHourOfDate(day.date);
  day.visits.arrivalsByHour.forEach((n, hour) => (totals.arrivalsByWeekdayHour[midnight + hour] = n));
  forEachLevelSample(day, services, ([, , hour], counted, within) => {
    totals.levelCountedByWeekdayHour[midnight + hour]! += counted;
    totals.levelWithinByWeekdayHour[midnight + hour]! += within;
  });
  for (const counter of Object.values(day.counters)) counter.openMsByHour.forEach((ms, hour) => (totals.boothOpenMsByWeekdayHour[midnight + hour]! += ms));
  totals.busyMs = busyMsOf(day);
  const times = day.visits.serviceTimes;
  times.keys.forEach((_key, i) => {
    const stats = statsOf(times, i);
    totals.serviceSumMs += stats.sum;
    totals.serviceCount += stats.count;
  });
  return totals;
}

/** Adds `from` into `total`. */
export function addStaffingTotals(total: StaffingTotals, from: StaffingTotals): void {
  for (let cell = 0; cell < WEEK_HOURS; cell++) {
    total.arrivalsByWeekdayHour[cell]! += from.arrivalsByWeekdayHour[cell]!;
    total.levelCountedByWeekdayHour[cell]! += from.levelCountedByWeekdayHour[cell]!;
    total.levelWithinByWeekdayHour[cell]! += from.levelWithinByWeekdayHour[cell]!;
    total.boothOpenMsByWeekdayHour[cell]! += from.boothOpenMsByWeekdayHour[cell]!;
  }
  total.busyMs += from.busyMs;
  total.serviceSumMs += from.serviceSumMs;
  total.serviceCount += from.serviceCount;
}

/** The totals of a set of days. */
export function staffingTotalsOf(days: readonly DaySummary[], services: ReadonlyMap<string, ServiceTargets>): StaffingTotals {
  const total = emptyStaffingTotals();
  for (const day of days) addStaffingTotals(total, staffingTotalsOfDay(day, services));
  return total;
}
