// Where the digests are kept: the region_days table (migration 0010), one small row per office and
// date, and one per office and finished month ('YYYY-MM', the sum of its days), so a year of 200
// offices is 2,400 rows. `version` is the day summary's
// SUMMARY_VERSION the digest was made from, `targets` the service targets' fingerprint; the
// analytics store deletes a day's digest (and its month's) whenever it rebuilds that day's summary. An empty blob is
// a finished day without any visit or booth event. The only SQL of the regional view's digests.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { ALL_VISITS } from '../analytics/analytics-store';
import { SUMMARY_VERSION } from '../analytics/summary-codec';
import type { Database } from '../store/database';
import type { RegionDigest } from './region-digest';
import { decodeDigest, encodeDigest } from './region-digest-codec';
import type { Period } from './region-inputs';

export interface DigestRow {
  officeId: OfficeId;
  /** A day, or 'YYYY-MM' for a whole month. */
  date: string;
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: RegionDigest | null;
}

/** A stored row as read: the digest still encoded, decoded only once its fingerprint matches (another format may not decode). */
export interface StoredDigestRow extends Omit<DigestRow, 'digest'> {
  digest: Buffer;
}

/** A stored digest's blob: empty for a day without anything. */
export const decodeStored = (blob: Buffer): RegionDigest | null => (blob.length === 0 ? null : decodeDigest(blob));

/**
 * The stored digests of the offices under the given keys — a date 'YYYY-MM-DD' for a day, 'YYYY-MM'
 * for a whole month (the sum of its days) — made from the current summary version.
 */
export async function readDigestRows(db: Database, officeIds: readonly OfficeId[], keys: readonly string[]): Promise<StoredDigestRow[]> {
  if (officeIds.length === 0 || keys.length === 0) return [];
  const rows = await db.read.all<{ officeId: OfficeId; date: string; timeZone: string; fingerprint: string; digest: Buffer }>(
    `SELECT office_id AS officeId, date, time_zone AS timeZone, targets AS fingerprint, digest FROM region_days
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

export async function writeDigestRows(db: Database, rows: readonly DigestRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (const row of rows) {
      await tx.run(`INSERT OR REPLACE INTO region_days (office_id, date, time_zone, version, targets, digest) VALUES (?, ?, ?, ?, ?, ?)`, [
        row.officeId,
        row.date,
        row.timeZone,
        SUMMARY_VERSION,
        row.fingerprint,
        row.digest ? encodeDigest(row.digest) : Buffer.alloc(0),
      ]);
    }
  });
}
