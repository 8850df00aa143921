// The regional view's reads of the digests in region_days (kept there by day-digest-store.ts as the
// days are stored), and its writes of the digests it has to build itself: days stored before the
// digests were, or digested under other service targets.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { ALL_VISITS } from '../analytics/analytics-store';
import { SUMMARY_VERSION } from '../analytics/summary-codec';
import type { Database } from '../store/database';
import { officeLock } from '../store/office-lock';
import { insertDigestRow, type DigestRow } from '../analytics/day-digest-store';
import type { Period } from './region-period';

/** A stored row as read: the digest still encoded, decoded only once its fingerprint matches (another format may not decode). */
export interface StoredDigestRow extends Omit<DigestRow, 'digest'> {
  digest: Buffer;
}

/**
 * The stored digests of the offices under the given keys — a date 'YYYY-MM-DD' for a day, 'YYYY-MM'
 * for a whole month (the sum of its days) — made from the current summary version.
 */
export async function readDigestRows(db: Database, officeIds: readonly OfficeId[], keys: readonly string[]): Promise<StoredDigestRow[]> {
  if (officeIds.length === 0 || keys.length === 0) return [];
  const rows = await db.read.all<{ officeId: OfficeId; date: string; timeZone: string; fingerprint: string; digest: Buffer }>(
    `SELECT office_id AS "officeId", date, time_zone AS "timeZone", targets AS fingerprint, digest FROM region_days
     WHERE office_id IN (${officeIds.map(() => '?').join(', ')}) AND date IN (${keys.map(() => '?').join(', ')}) AND version = ?`,
    [...officeIds, ...keys, SUMMARY_VERSION],
  );
  return rows.map((row) => ({ ...row, digest: row.digest }));
}

/** The dates of the span on which the office has a current whole-office day summary (read from an index, not the summaries). */
export async function storedSummaryDates(db: Database, officeId: OfficeId, timeZone: string, span: Period): Promise<Set<LocalDate>> {
  const rows = await db.read.all<{ date: LocalDate }>(
    `SELECT date FROM analytics_days WHERE office_id = ? AND scope = ? AND date BETWEEN ? AND ? AND time_zone = ? AND version = ?`,
    [officeId, ALL_VISITS, span.from, span.to, timeZone, SUMMARY_VERSION],
  );
  return new Set(rows.map((row) => row.date));
}

/**
 * One transaction per office, under the office's lock: its analytics store replaces the office's rows
 * under that lock too, so two writers never hold rows of one office in opposite orders (a deadlock on
 * PostgreSQL). Started together, SQLite commits them as one group.
 */
export async function writeDigestRows(db: Database, rows: readonly DigestRow[]): Promise<void> {
  const byOffice = new Map<OfficeId, DigestRow[]>();
  for (const row of rows) {
    const ofOffice = byOffice.get(row.officeId);
    if (ofOffice) ofOffice.push(row);
    else byOffice.set(row.officeId, [row]);
  }
  await Promise.all(
    [...byOffice].map(([officeId, ofOffice]) =>
      db.transaction(async (tx) => {
        for (const row of ofOffice) await insertDigestRow(tx, row);
      }, officeLock(officeId)),
    ),
  );
}
