// The staffing advisor: per weekday × hour, arrivals per hour (mean over the chosen weeks) and the
// measured service time give an offered load; Erlang C gives the fewest booths that meet the goal.
// Erlang C knows no abandonment and assumes random arrivals, so it is a floor: the measured
// service level and the booths actually open stand beside it.
import { ratio } from './distribution';
import { countersNeeded, offeredLoad, staffingOption, staffToRoster, type StaffingGoal, type StaffingOption } from './erlang-c';
import { forEachHourPiece, HOUR, type ReportInput, serviceLevelSample, serviceMinutes, weekdayOccurrences } from './measures';

export interface StaffingSettings extends StaffingGoal {
  /** Share of rostered time lost to breaks, sickness, training: 0 ≤ shrinkage < 1. */
  shrinkage: number;
}

export const DEFAULT_STAFFING: StaffingSettings = { serviceLevel: 0.8, targetMinutes: 15, maxOccupancy: 0.85, shrinkage: 0 };

export interface StaffingCell {
  weekday: number;
  hour: number;
  arrivalsPerHour: number;
  serviceMinutes: number;
  /** Erlangs. */
  load: number;
  recommendedBooths: number;
  staffToRoster: number;
  /** The recommendation and its neighbours (one booth fewer, one more), each with its expected wait. */
  options: StaffingOption[];
  meanBoothsOpen: number;
  /** What the office actually achieved in this weekday × hour. */
  measuredServiceLevel: number | null;
}

export interface Staffing {
  settings: StaffingSettings;
  /** Mean measured service time over the period, minutes; null when nothing was served. */
  serviceMinutes: number | null;
  cells: StaffingCell[];
}

const cellKey = (weekday: number, hour: number) => weekday * 24 + hour;

export function staffingAdvice(input: ReportInput, settings: StaffingSettings = DEFAULT_STAFFING): Staffing {
  const arrivals = new Array<number>(8 * 24).fill(0);
  const within = new Array<number>(8 * 24).fill(0);
  const counted = new Array<number>(8 * 24).fill(0);
  const boothMs = new Array<number>(8 * 24).fill(0);
  let serviceSum = 0;
  let served = 0;
  for (const visit of input.visits) {
    const slot = input.clock.slot(visit.issuedAt);
    const key = cellKey(slot.weekday, slot.hour);
    arrivals[key]! += 1;
    const sample = serviceLevelSample(visit, input.services);
    if (sample) {
      counted[key]! += 1;
      if (sample.within) within[key]! += 1;
    }
    for (const leg of visit.legs) {
      const minutes = serviceMinutes(leg);
      if (minutes === null) continue;
      serviceSum += minutes;
      served += 1;
    }
  }
  forEachHourPiece(
    input.intervals.filter((i) => i.state === 'open'),
    input.clock,
    (_interval, slot, ms) => (boothMs[cellKey(slot.weekday, slot.hour)]! += ms),
  );
  const meanService = served === 0 ? null : serviceSum / served;
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
