// The weekday × hour heat map of the whole region or of a chosen set of offices: each office's own
// heat map (peak-hours.ts, averaged over the days that office was open at that hour) added up, so a
// cell reads "visitors the chosen offices together receive in that hour on a typical such day".
// The offices' days come as digests (region-digest.ts), which keep exactly what the heat map reads.
import type { HeatCell } from '../../common/protocol/analytics';
import { summariseVisits } from '../analytics/day-summary';
import type { DaySummary } from '../analytics/day-summary-shape';
import { LocalClock } from '../analytics/local-clock';
import type { ReportInput } from '../analytics/measures';
import { peakHours } from '../analytics/peak-hours';
import type { DatedDigest } from './region-digests';

export function regionHeatMap(inputs: readonly ReportInput[]): HeatCell[] {
  const cells = new Map<number, HeatCell>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.set(weekday * 24 + hour, { weekday, hour, arrivals: 0, openDays: 0, meanArrivals: 0 });
  }
  for (const input of inputs) {
    for (const cell of peakHours(input).heatmap) {
      const sum = cells.get(cell.weekday * 24 + cell.hour)!;
      sum.arrivals += cell.arrivals;
      sum.openDays += cell.openDays;
      sum.meanArrivals += cell.meanArrivals;
    }
  }
  return [...cells.values()];
}

/** A summary without visits: the rest of a day read back from its digest goes on top. */
const NO_VISITS = summariseVisits([], new LocalClock('UTC'));

/** Day digests as the day summaries peak-hours.ts reads: arrivals and served per hour, booth time per hour (all booths as one). */
export function daysFromDigests(dated: readonly DatedDigest[]): DaySummary[] {
  return dated.map(({ key, digest }) => ({
    date: key,
    visits: {
      ...NO_VISITS,
      arrivalsByHour: Array.from(digest.arrivalsByHour),
      servedByHour: Array.from(digest.servedByHour),
      servedByDayOfMonth: Object.fromEntries([...digest.servedByDayOfMonth.entries()].filter(([, n]) => n > 0)),
    },
    counters: { all: { openMsByHour: Int32Array.from(digest.boothMsByHour), bySpecialist: {} } },
  }));
}
