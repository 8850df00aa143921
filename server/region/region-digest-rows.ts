// Where the day digests are kept: rows of analytics_days with scope DIGEST_SCOPE beside the day
// summaries (the digest in `visits`, the service targets' fingerprint in `longest`, the summary
// version it was made under in `version`). Rebuilding a day's summary deletes every scope of the
// day, so a digest never outlives the summary it was made from. The only SQL of the regional view's
// digests, so moving them to a table of their own changes this file alone.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { ALL_VISITS } from '../analytics/analytics-store';
import { SUMMARY_VERSION } from '../analytics/summary-codec';
import type { Database } from '../store/database';
import type { RegionDigest } from './region-digest';
import { decodeDigest, encodeDigest } from './region-digest-codec';
import type { Period } from './region-inputs';

/** The version in the scope's name is the digest format's own. */
export const DIGEST_SCOPE = '#region-v1';

export interface DigestRow {
  officeId: OfficeId;
  date: LocalDate;
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: RegionDigest | null;
}

/** The stored digests of the offices' dates in the span, made under the current summary version. */
export async function readDigestRows(db: Database, officeIds: readonly OfficeId[], span: Period): Promise<DigestRow[]> {
  const rows = await db.read.all<{ officeId: OfficeId; date: LocalDate; timeZone: string; fingerprint: string; digest: Buffer }>(
    `SELECT office_id AS officeId, date, time_zone AS timeZone, longest AS fingerprint, visits AS digest FROM analytics_days
     WHERE office_id IN (${officeIds.map(() => '?').join(', ')}) AND scope = ? AND version = ? AND date BETWEEN ? AND ?`,
    [...officeIds, DIGEST_SCOPE, SUMMARY_VERSION, span.from, span.to],
  );
  return rows.map((row) => ({ ...row, digest: row.digest.length === 0 ? null : decodeDigest(row.digest) }));
}

/** The dates of the span on which the office has a current whole-office day summary. */
export async function storedSummaryDates(db: Database, officeId: OfficeId, timeZone: string, span: Period): Promise<Set<LocalDate>> {
  const rows = await db.read.all<{ date: LocalDate }>(
    `SELECT date FROM analytics_days WHERE office_id = ? AND scope = ? AND time_zone = ? AND version = ? AND date BETWEEN ? AND ?`,
    [officeId, ALL_VISITS, timeZone, SUMMARY_VERSION, span.from, span.to],
  );
  return new Set(rows.map((row) => row.date));
}

export async function writeDigestRows(db: Database, rows: readonly DigestRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (const row of rows) {
      await tx.run(
        `INSERT OR REPLACE INTO analytics_days (office_id, date, scope, time_zone, version, visits, longest, counters) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
        [row.officeId, row.date, DIGEST_SCOPE, row.timeZone, SUMMARY_VERSION, row.digest ? encodeDigest(row.digest) : Buffer.alloc(0), row.fingerprint],
      );
    }
  });
}
