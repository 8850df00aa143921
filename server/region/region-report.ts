// Offices side by side: each office's measures over the period and over the period it is aligned
// with (aligned-periods.ts: the same weekdays of the week before, the same dates a month or a year
// earlier), the change between them, and the region as a whole in the same terms. Read from the
// day digests (region-digests.ts): each office's days add up to one digest, the offices' to the region's.
import type { CompareWith } from '../../common/protocol/analytics';
import type { Lang, OfficeId } from '../../common/protocol';
import { sortRegionRows, type RegionOfficeRow, type RegionReport, type RegionSortKey } from '../../common/protocol/region';
import type { DatedDigest } from './region-digests';
import { addDigests } from '../analytics/day-digest';
import { changeOf, figuresOf, NO_RATINGS, type RatingTotals } from './region-figures';
import type { Period } from './region-period';
import { officeName, type RegionOffice } from './region-offices';

/** One period's digests and ratings, per office. */
export interface PeriodData {
  period: Period;
  digests: ReadonlyMap<OfficeId, readonly DatedDigest[]>;
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
  const officeTotals = (data: PeriodData) => new Map(offices.map((office) => [office.id, addDigests((data.digests.get(office.id) ?? []).map((dated) => dated.digest))]));
  const now = officeTotals(current);
  const before = officeTotals(previous);
  const ratingsOf = (data: PeriodData, ids: readonly OfficeId[]) => ids.map((id) => data.ratings.get(id) ?? NO_RATINGS);
  const rows = offices.map((office): RegionOfficeRow => {
    const a = figuresOf(now.get(office.id)!, ratingsOf(current, [office.id]));
    const b = figuresOf(before.get(office.id)!, ratingsOf(previous, [office.id]));
    return { ...officeName(office), timeZone: office.config.office.timeZone, current: a, previous: b, change: changeOf(a, b) };
  });
  const ids = offices.map((office) => office.id);
  const regionNow = figuresOf(addDigests([...now.values()]), ratingsOf(current, ids));
  const regionBefore = figuresOf(addDigests([...before.values()]), ratingsOf(previous, ids));
  return {
    period: current.period,
    previousPeriod: previous.period,
    compareWith: request.compareWith,
    offices: sortRegionRows(rows, request.sort, request.direction, request.lang),
    region: { current: regionNow, previous: regionBefore, change: changeOf(regionNow, regionBefore) },
  };
}
