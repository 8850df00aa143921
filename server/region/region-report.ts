// Offices side by side: each office's measures over the period and over the period it is aligned
// with (aligned-periods.ts: the same weekdays of the week before, the same dates a month or a year
// earlier), the change between them, and the region as a whole in the same terms.
import type { CompareWith } from '../../common/protocol/analytics';
import type { Lang, OfficeId } from '../../common/protocol';
import { sortRegionRows, type RegionOfficeRow, type RegionReport, type RegionSortKey } from '../../common/protocol/region';
import type { ReportInput } from '../analytics/measures';
import { changeOf, figuresOf, NO_RATINGS, type RatingTotals } from './region-figures';
import { officeName, type RegionOffice } from './region-offices';
import type { Period } from './region-inputs';

/** One period's day summaries and ratings, per office. */
export interface PeriodData {
  period: Period;
  inputs: ReadonlyMap<OfficeId, ReportInput>;
  ratings: ReadonlyMap<OfficeId, RatingTotals>;
}

export interface RegionReportRequest {
  offices: readonly RegionOffice[];
  current: PeriodData;
  previous: PeriodData;
  compareWith: CompareWith;
  sort: RegionSortKey;
  direction: 'asc' | 'desc';
  lang: Lang | undefined;
}

export function regionReport(request: RegionReportRequest): RegionReport {
  const { offices, current, previous } = request;
  const figures = (data: PeriodData, ids: readonly OfficeId[]) =>
    figuresOf(
      ids.flatMap((id) => data.inputs.get(id) ?? []),
      ids.map((id) => data.ratings.get(id) ?? NO_RATINGS),
    );
  const rows = offices.map((office): RegionOfficeRow => {
    const now = figures(current, [office.id]);
    const before = figures(previous, [office.id]);
    return { ...officeName(office), timeZone: office.config.office.timeZone, current: now, previous: before, change: changeOf(now, before) };
  });
  const all = offices.map((office) => office.id);
  const regionNow = figures(current, all);
  const regionBefore = figures(previous, all);
  return {
    period: current.period,
    previousPeriod: previous.period,
    compareWith: request.compareWith,
    offices: sortRegionRows(rows, request.sort, request.direction, request.lang),
    region: { current: regionNow, previous: regionBefore, change: changeOf(regionNow, regionBefore) },
  };
}
