// Ratings summed up for managers: overall, per service and per specialist, with the latest comments.
import type { LocalDate, RatingsReport, RatingSummary, Service } from '../../common/protocol';
import type { Table } from '../analytics/csv';
import type { Rating } from '../store/ratings-store';

const COMMENTS_SHOWN = 50;

function summary(ratings: readonly Rating[]): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
  for (const r of ratings) distribution[r.score - 1] = (distribution[r.score - 1] ?? 0) + 1;
  const total = ratings.reduce((sum, r) => sum + r.score, 0);
  return { count: ratings.length, average: ratings.length === 0 ? null : total / ratings.length, distribution };
}

function groupBy<K>(ratings: readonly Rating[], key: (r: Rating) => K): Map<K, Rating[]> {
  const groups = new Map<K, Rating[]>();
  for (const r of ratings) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

export function ratingsReport(
  ratings: readonly Rating[],
  context: { period: { from: LocalDate; to: LocalDate }; services: ReadonlyMap<string, Service>; staffNames: ReadonlyMap<string, string> },
): RatingsReport {
  const byCount = <T extends RatingSummary>(a: T, b: T) => b.count - a.count;
  return {
    period: context.period,
    overall: summary(ratings),
    byService: [...groupBy(ratings, (r) => r.serviceId)]
      .map(([serviceId, group]) => ({ serviceId, name: context.services.get(serviceId)?.name ?? null, ...summary(group) }))
      .sort(byCount),
    bySpecialist: [...groupBy(ratings, (r) => r.specialistId)]
      .map(([specialistId, group]) => ({ specialistId, name: specialistId === null ? null : context.staffNames.get(specialistId) ?? null, ...summary(group) }))
      .sort(byCount),
    comments: ratings
      .filter((r) => r.comment !== '')
      .slice(0, COMMENTS_SHOWN)
      .map((r) => ({ at: r.ratedAt, serviceId: r.serviceId, specialistId: r.specialistId, score: r.score, comment: r.comment })),
  };
}

/** One table for the spreadsheet: overall, then a row per service and per specialist. */
export function ratingsReportTable(report: RatingsReport, serviceLabel: (serviceId: string) => string): Table {
  const row = (section: string, id: string, name: string, s: RatingSummary) => [section, id, name, s.count, s.average, ...s.distribution];
  return {
    columns: ['section', 'id', 'name', 'ratings', 'average', 'score 1', 'score 2', 'score 3', 'score 4', 'score 5'],
    rows: [
      row('overall', '', '', report.overall),
      ...report.byService.map((s) => row('service', s.serviceId, serviceLabel(s.serviceId), s)),
      ...report.bySpecialist.map((s) => row('specialist', s.specialistId ?? '', s.name ?? '', s)),
    ],
  };
}
