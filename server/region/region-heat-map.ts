// The weekday × hour heat map of the whole region or of a chosen set of offices: each office's own
// heat map (peak-hours.ts, averaged over the days that office was open at that hour) added up, so a
// cell reads "visitors the chosen offices together receive in that hour on a typical such day".
import type { HeatCell } from '../../common/protocol/analytics';
import type { ReportInput } from '../analytics/measures';
import { peakHours } from '../analytics/peak-hours';

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
