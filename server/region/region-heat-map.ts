// The weekday × hour heat map of the whole region or of a chosen set of offices: each office's own
// heat map (peak-hours.ts, averaged over the days that office was open at that hour) added up, so a
// cell reads "visitors the chosen offices together receive in that hour on a typical such day".
// It reads the offices' digests (region-digests.ts) — a finished month as one, its arrivals already
// summed by weekday × hour — so a year of 200 offices is 2,400 small rows, not 73,000 days. The
// figures are the office's own: the same arrivals, and the same open days (region-open-days.ts counts
// them as open-days.ts does: the schedule's hours of each date, and the hours someone came or a booth
// was open, which every digest keeps per day of the month).
import type { LocalDate } from '../../common/protocol';
import type { HeatCell } from '../../common/protocol/analytics';
import { datesOf } from '../analytics/measures';
import { WEEK_HOURS } from '../analytics/week-hours';
import { perOpenDay, type OpenHours } from '../analytics/open-days';
import type { DatedDigest } from './region-digests';
import { openDaysByWeekdayHour } from './region-open-days';
import type { Period } from './region-period';

/** One office's digests over the period, and its schedule's open hours on each date. */
export interface OfficeHeat {
  digests: readonly DatedDigest[];
  openHours: OpenHours;
}

export function regionHeatMap(period: Period, offices: readonly OfficeHeat[]): HeatCell[] {
  const cells = Array.from({ length: WEEK_HOURS }, (_, i): HeatCell => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, arrivals: 0, openDays: 0, meanArrivals: 0 }));
  const dates = datesOf(period);
  for (const office of offices) {
    const { arrivals, openDays } = officeCells(dates, office);
    cells.forEach((sum, i) => {
      sum.arrivals += arrivals[i]!;
      sum.openDays += openDays[i]!;
      sum.meanArrivals += perOpenDay(arrivals[i]!, openDays[i]!);
    });
  }
  return cells;
}

function officeCells(dates: readonly LocalDate[], { digests, openHours }: OfficeHeat): { arrivals: number[]; openDays: number[] } {
  const arrivals = new Array<number>(WEEK_HOURS).fill(0);
  for (const { digest } of digests) digest.arrivalsByWeekdayHour.forEach((n, i) => (arrivals[i]! += n));
  return { arrivals, openDays: openDaysByWeekdayHour(dates, digests, openHours) };
}
