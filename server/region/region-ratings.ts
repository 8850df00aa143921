// Visitors' ratings of every office over one period, in one grouped query: the satisfaction column.
// Each rating belongs to its visit's service day, a local date of the office that served it.
import type { OfficeId } from '../../common/protocol';
import type { Database } from '../store/database';
import type { RatingTotals } from './region-figures';
import type { Period } from './region-period';

export async function ratingTotals(db: Database, period: Period): Promise<Map<OfficeId, RatingTotals>> {
  const rows = await db.read.all<{ officeId: OfficeId; count: number; sum: number }>(
    `SELECT office_id AS "officeId", COUNT(*) AS count, SUM(score) AS sum FROM visit_ratings
     WHERE service_day BETWEEN ? AND ? GROUP BY office_id`,
    [period.from, period.to],
  );
  return new Map(rows.map((row) => [row.officeId, { count: row.count, sum: row.sum }]));
}
