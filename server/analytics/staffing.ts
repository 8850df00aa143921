// The staffing advisor: per weekday × hour, arrivals per hour (mean per day the office was open at
// that hour) and the booth time each arrival occupies give an offered load; Erlang C gives the
// fewest booths that meet the goal. The occupied time runs from the call to the finish (walk-up,
// recalls and no-shows take the booth too), so the occupancy cap holds at the load booths really carry.
// Erlang C knows no abandonment and assumes random arrivals, so it is a floor: the measured
// service level and the booths actually open stand beside it.
// The advice stands on totals (staffing-totals.ts) and the open days per weekday × hour: the
// office's report adds them up from its day summaries (staffingAdvice), the regional view from the
// offices' day digests (server/region/region-staffing.ts), and both advise here.
import { ratio } from './distribution';
import { countersNeeded, offeredLoad, staffingOption, staffToRoster } from './erlang-c';
import type { Staffing, StaffingCell, StaffingSettings } from '../../common/protocol/analytics';
import { HOUR, MINUTE, type ReportInput } from './measures';
import { openDayCounts } from './open-days';
import { staffingTotalsOf, type StaffingTotals } from './staffing-totals';
import { weekHour } from './week-hours';

export const DEFAULT_STAFFING: StaffingSettings = { serviceLevel: 0.8, targetMinutes: 15, maxOccupancy: 0.85, shrinkage: 0 };

/** The office's own advice, from the day summaries of its period. */
export function staffingAdvice(input: ReportInput, settings: StaffingSettings = DEFAULT_STAFFING): Staffing {
  // Weekday 1's hours first, then weekday 2's …: the layout of week-hours.ts.
  const openDays = openDayCounts(input).byCell.slice(1).flat();
  return adviseStaffing(staffingTotalsOf(input.days, input.services), openDays, settings);
}

/** The advice from the totals of the days, and per weekday × hour (week-hours.ts) the days the office was open then. */
export function adviseStaffing(totals: StaffingTotals, openDaysByWeekdayHour: ArrayLike<number>, settings: StaffingSettings): Staffing {
  const { arrivalsByWeekdayHour: arrivals, busyMs, serviceSumMs, serviceCount } = totals;
  let arrivalCount = 0;
  for (const n of arrivals) arrivalCount += n;
  const startToFinish = serviceCount === 0 ? null : serviceSumMs / (serviceCount * MINUTE);
  const meanService = arrivalCount === 0 || busyMs === 0 ? null : busyMs / (arrivalCount * MINUTE);
  const cells: StaffingCell[] = [];
  if (meanService !== null && meanService > 0) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const key = weekHour(weekday, hour);
        const days = openDaysByWeekdayHour[key]!;
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
          meanBoothsOpen: totals.boothOpenMsByWeekdayHour[key]! / HOUR / days,
          measuredServiceLevel: ratio(totals.levelWithinByWeekdayHour[key]!, totals.levelCountedByWeekdayHour[key]!),
        });
      }
    }
  }
  return { settings, serviceBasis: 'occupied-per-arrival', serviceMinutes: meanService, startToFinishMinutes: startToFinish, cells };
}
