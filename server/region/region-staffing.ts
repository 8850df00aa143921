// The staffing advisor (staffing.ts, Erlang C) for each office, with what a regional manager looks
// for first: the hour that needs the most booths, and how many weekday × hours had fewer (or more)
// booths open than advised. The full advice per hour comes along for the office's own view.
// The advisor reads full day summaries (service times, waits per service and hour), tens of
// kilobytes a day: a year of 200 offices took the server past 10 GB. So it stands on the last four
// weeks of the period, and reads them a few offices at a time.
import type { StaffingSettings } from '../../common/protocol/analytics';
import type { RegionStaffing, RegionStaffingRow } from '../../common/protocol/region';
import { addDays } from '../../common/time/calendar';
import type { Database } from '../store/database';
import { officeInputs, type Period } from './region-inputs';
import type { OpenHoursMemo } from './region-open-hours';
import { officeName, type RegionOffice } from './region-offices';
import type { ReportInput } from '../analytics/measures';
import { staffingAdvice } from '../analytics/staffing';

/** Four weeks: every weekday four times, what a roster is planned from. */
export const STAFFING_WINDOW_DAYS = 28;

/** Offices whose four weeks of summaries are held at once: about 20 × 28 days of ~130 kB. */
const OFFICES_AT_ONCE = 20;

/** The last four weeks of the period, or all of it when shorter. */
export function staffingWindow(period: Period): Period {
  const from = addDays(period.to, -(STAFFING_WINDOW_DAYS - 1));
  return { from: from > period.from ? from : period.from, to: period.to };
}

export async function regionStaffing(db: Database, offices: readonly RegionOffice[], period: Period, now: number, openHours: OpenHoursMemo, settings: StaffingSettings): Promise<RegionStaffing> {
  const basedOn = staffingWindow(period);
  const rows: RegionStaffingRow[] = [];
  for (let i = 0; i < offices.length; i += OFFICES_AT_ONCE) {
    const batch = offices.slice(i, i + OFFICES_AT_ONCE);
    const inputs = await officeInputs(db, batch, basedOn, now, openHours);
    rows.push(...batch.map((office) => officeStaffing(office, inputs.get(office.id)!, settings)));
  }
  return { period, basedOn, offices: rows };
}

/** Half a booth either way is rounding, not under- or over-staffing. */
const TOLERANCE_BOOTHS = 0.5;

export function officeStaffing(office: RegionOffice, input: ReportInput, settings: StaffingSettings): RegionStaffingRow {
  const staffing = staffingAdvice(input, settings);
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
