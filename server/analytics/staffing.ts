// The staffing advisor: per weekday × hour, arrivals per hour (mean over the chosen weeks) and the
// measured service time give an offered load; Erlang C gives the fewest booths that meet the goal.
// Erlang C knows no abandonment and assumes random arrivals, so it is a floor: the measured
// service level and the booths actually open stand beside it.
import { ratio } from './distribution';
import { countersNeeded, offeredLoad, staffingOption, staffToRoster } from './erlang-c';
import { isoWeekday } from '../../common/time/calendar';
import type { Staffing, StaffingCell, StaffingSettings } from '../../common/protocol/analytics';
import { statsOf } from './histogram';
import { HOUR, MINUTE, type ReportInput, weekdayOccurrences } from './measures';
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
  for (const day of input.days) {
    const weekday = isoWeekday(day.date);
    day.visits.arrivalsByHour.forEach((count, hour) => (arrivals[cellKey(weekday, hour)]! += count));
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
  const meanService = served === 0 ? null : serviceSum / (served * MINUTE);
  const occurrences = weekdayOccurrences(input.period);
  const cells: StaffingCell[] = [];
  if (meanService !== null && meanService > 0) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const key = cellKey(weekday, hour);
        if (arrivals[key] === 0 || !occurrences[weekday]) continue;
        const arrivalsPerHour = arrivals[key]! / occurrences[weekday]!;
        const load = offeredLoad(arrivalsPerHour, meanService);
        const recommended = countersNeeded(load, meanService, settings);
        const choices = [recommended - 1, recommended, recommended + 1].filter((c) => c >= 1);
        cells.push({
          weekday,
          hour,
          arrivalsPerHour,
          serviceMinutes: meanService,
          load,
          recommendedBooths: recommended,
          staffToRoster: staffToRoster(recommended, settings.shrinkage),
          options: choices.map((c) => staffingOption(c, load, meanService, settings)),
          meanBoothsOpen: boothMs[key]! / HOUR / occurrences[weekday]!,
          measuredServiceLevel: ratio(within[key]!, counted[key]!),
        });
      }
    }
  }
  return { settings, serviceMinutes: meanService, cells };
}
