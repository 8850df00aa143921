// The staffing advisor: per weekday × hour, arrivals per hour (mean per day the office was open at
// that hour) and the booth time each arrival occupies give an offered load; Erlang C gives the
// fewest booths that meet the goal. The occupied time runs from the call to the finish (walk-up,
// recalls and no-shows take the booth too), so the occupancy cap holds at the load booths really carry.
// Erlang C knows no abandonment and assumes random arrivals, so it is a floor: the measured
// service level and the booths actually open stand beside it.
import { ratio } from './distribution';
import { countersNeeded, offeredLoad, staffingOption, staffToRoster } from './erlang-c';
import { isoWeekday } from '../../common/time/calendar';
import type { Staffing, StaffingCell, StaffingSettings } from '../../common/protocol/analytics';
import { statsOf } from './histogram';
import { HOUR, MINUTE, type ReportInput } from './measures';
import { openDayCounts } from './open-days';
import { forEachLevelSample } from './service-level';

export const DEFAULT_STAFFING: StaffingSettings = { serviceLevel: 0.8, targetMinutes: 15, maxOccupancy: 0.85, shrinkage: 0 };

const cellKey = (weekday: number, hour: number) => weekday * 24 + hour;

export function staffingAdvice(input: ReportInput, settings: StaffingSettings = DEFAULT_STAFFING): Staffing {
  const arrivals = new Array<number>(8 * 24).fill(0);
  const within = new Array<number>(8 * 24).fill(0);
  const counted = new Array<number>(8 * 24).fill(0);
  const boothMs = new Array<number>(8 * 24).fill(0);
  let serviceSum = 0;
  let served = 0;
  let busyMs = 0;
  let arrivalCount = 0;
  for (const day of input.days) {
    const weekday = isoWeekday(day.date);
    day.visits.arrivalsByHour.forEach((count, hour) => {
      arrivals[cellKey(weekday, hour)]! += count;
      arrivalCount += count;
    });
    for (const specialist of Object.values(day.visits.specialists)) busyMs += specialist.busyMs;
    forEachLevelSample(day, input.services, ([, , hour], n, inTime) => {
      counted[cellKey(weekday, hour)]! += n;
      within[cellKey(weekday, hour)]! += inTime;
    });
    const times = day.visits.serviceTimes;
    times.keys.forEach((_key, i) => {
      const stats = statsOf(times, i);
      serviceSum += stats.sum;
      served += stats.count;
    });
    for (const counter of Object.values(day.counters)) counter.openMsByHour.forEach((ms, hour) => (boothMs[cellKey(weekday, hour)]! += ms));
  }
  const startToFinish = served === 0 ? null : serviceSum / (served * MINUTE);
  const meanService = arrivalCount === 0 || busyMs === 0 ? null : busyMs / (arrivalCount * MINUTE);
  const openDays = openDayCounts(input).byCell;
  const cells: StaffingCell[] = [];
  if (meanService !== null && meanService > 0) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const key = cellKey(weekday, hour);
        const days = openDays[weekday]![hour]!;
        if (arrivals[key] === 0 || days === 0) continue;
        const arrivalsPerHour = arrivals[key]! / days;
        const load = offeredLoad(arrivalsPerHour, meanService);
        const recommended = countersNeeded(load, meanService, settings);
        const choices = [recommended - 1, recommended, recommended + 1].filter((c) => c >= 1);
        cells.push({
          weekday,
          hour,
          openDays: days,
          arrivalsPerHour,
          serviceMinutes: meanService,
          load,
          recommendedBooths: recommended,
          staffToRoster: staffToRoster(recommended, settings.shrinkage),
          options: choices.map((c) => staffingOption(c, load, meanService, settings)),
          meanBoothsOpen: boothMs[key]! / HOUR / days,
          measuredServiceLevel: ratio(within[key]!, counted[key]!),
        });
      }
    }
  }
  return { settings, serviceBasis: 'occupied-per-arrival', serviceMinutes: meanService, startToFinishMinutes: startToFinish, cells };
}
