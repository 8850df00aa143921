// The staffing advisor (staffing.ts, Erlang C) for each office, with what a regional manager looks
// for first: the hour that needs the most booths, and how many weekday × hours had fewer (or more)
// booths open than advised. The full advice per hour comes along for the office's own view.
import type { StaffingSettings } from '../../common/protocol/analytics';
import type { RegionStaffingRow } from '../../common/protocol/region';
import { officeName, type RegionOffice } from './region-offices';
import type { ReportInput } from '../analytics/measures';
import { staffingAdvice } from '../analytics/staffing';

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
