// The staffing advisor (staffing.ts, Erlang C) for each office, with what a regional manager looks
// for first: the hour that needs the most booths, and how many weekday × hours had fewer (or more)
// booths open than advised. The full advice per hour comes along for the office's own view.
// It stands on the offices' day digests (region-digests.ts), which keep the advisor's totals
// (staffing-totals.ts): the same advice as the office's own report, to the last bit, from rows of a
// few kilobytes instead of full day summaries of tens of kilobytes. It reads the last four weeks of
// the period — each weekday four times, what a roster is planned from, not a year's average.
import type { Staffing, StaffingSettings } from '../../common/protocol/analytics';
import type { RegionStaffing, RegionStaffingRow } from '../../common/protocol/region';
import { addDays } from '../../common/time/calendar';
import { addDigests } from '../analytics/day-digest';
import { datesOf } from '../analytics/measures';
import type { OpenHours } from '../analytics/open-days';
import { adviseStaffing } from '../analytics/staffing';
import type { DatedDigest, RegionDigests } from './region-digests';
import type { OpenHoursMemo } from './region-open-hours';
import { openDaysByWeekdayHour } from './region-open-days';
import { officeName, type RegionOffice } from './region-offices';
import type { Period } from './region-period';

/** Four weeks: every weekday four times, what a roster is planned from. */
export const STAFFING_WINDOW_DAYS = 28;

/** The last four weeks of the period, or all of it when shorter. */
export function staffingWindow(period: Period): Period {
  const from = addDays(period.to, -(STAFFING_WINDOW_DAYS - 1));
  return { from: from > period.from ? from : period.from, to: period.to };
}

export async function regionStaffing(digests: RegionDigests, offices: readonly RegionOffice[], period: Period, now: number, openHours: OpenHoursMemo, settings: StaffingSettings): Promise<RegionStaffing> {
  const basedOn = staffingWindow(period);
  const digested = await digests.of(offices, basedOn, now);
  const rows = offices.map((office) => {
    const { schedule, timeZone } = office.config.office;
    return officeStaffing(office, staffingFromDigests(digested.get(office.id) ?? [], basedOn, openHours.of(schedule, timeZone, basedOn), settings));
  });
  return { period, basedOn, offices: rows };
}

/** One office's advice from its digests covering `basedOn` and its schedule's open hours then: the office's own report's, over the same days. */
export function staffingFromDigests(digests: readonly DatedDigest[], basedOn: Period, openHours: OpenHours, settings: StaffingSettings): Staffing {
  const openDays = openDaysByWeekdayHour(datesOf(basedOn), digests, openHours);
  return adviseStaffing(addDigests(digests.map(({ digest }) => digest)), openDays, settings);
}

/** Half a booth either way is rounding, not under- or over-staffing. */
const TOLERANCE_BOOTHS = 0.5;

function officeStaffing(office: RegionOffice, staffing: Staffing): RegionStaffingRow {
  let peak: RegionStaffingRow['peak'] = null;
  let understaffedHours = 0;
  let overstaffedHours = 0;
  for (const cell of staffing.cells) {
    if (cell.meanBoothsOpen < cell.recommendedBooths - TOLERANCE_BOOTHS) understaffedHours += 1;
    if (cell.meanBoothsOpen > cell.recommendedBooths + TOLERANCE_BOOTHS) overstaffedHours += 1;
    const busier = !peak || cell.recommendedBooths > peak.recommendedBooths || (cell.recommendedBooths === peak.recommendedBooths && cell.arrivalsPerHour > peak.arrivalsPerHour);
    if (busier) {
      const { weekday, hour, arrivalsPerHour, recommendedBooths, meanBoothsOpen } = cell;
      peak = { weekday, hour, arrivalsPerHour, recommendedBooths, meanBoothsOpen };
    }
  }
  return { ...officeName(office), peak, understaffedHours, overstaffedHours, staffing };
}
