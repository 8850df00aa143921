// The office-day digests (day-digest.ts) kept in region_days (migration 0010) beside the day
// summaries: one row per office and date, and one per office and finished month ('YYYY-MM', the sum
// of its days), so a year of 200 offices is 2,400 small rows. The analytics store hands every
// finished day it stores to `storeDayDigests` inside the same transaction (its OnDaysStored hook),
// so a day with a summary has its digest too and the regional view never reads full summaries for
// them. `version` is the SUMMARY_VERSION the digest was made from, `targets` the fingerprint of the
// service targets and format; a digest that differs is rebuilt by the regional view. An empty blob
// is a finished day without any visit or booth event.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { addDays } from '../../common/time/calendar';
import type { Queryable } from '../store/database';
import type { OnDaysStored } from './analytics-store';
import { addDigests, digestOf, targetsFingerprint, type DayDigest } from './day-digest';
import { decodeDigest, encodeDigest } from './day-digest-codec';
import type { ServiceTargets } from './measures';
import { SUMMARY_VERSION } from './summary-codec';

export interface DigestRow {
  officeId: OfficeId;
  /** A day, or 'YYYY-MM' for a whole month. */
  date: string;
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: DayDigest | null;
}

/** A stored digest's blob: empty for a day without anything. */
export const decodeStored = (blob: Buffer): DayDigest | null => (blob.length === 0 ? null : decodeDigest(blob));

export async function insertDigestRow(tx: Queryable, row: DigestRow): Promise<void> {
  await tx.run(
    `INSERT INTO region_days (office_id, date, time_zone, version, targets, digest) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (office_id, date) DO UPDATE SET time_zone = excluded.time_zone, version = excluded.version, targets = excluded.targets, digest = excluded.digest`,
    [row.officeId, row.date, row.timeZone, SUMMARY_VERSION, row.fingerprint, row.digest ? encodeDigest(row.digest) : Buffer.alloc(0)],
  );
}

/**
 * The analytics store's hook that digests each finished day as it is stored (an empty row for a day
 * without anything) and adds up every finished month whose days all have a current digest, under
 * the office's service targets at that moment.
 */
export function storeDayDigests(officeId: OfficeId, services: () => ReadonlyMap<string, ServiceTargets>): OnDaysStored {
  return async (tx, { timeZone, today, days, empty }) => {
    const targets = services();
    const fingerprint = targetsFingerprint(targets);
    const rows: DigestRow[] = [
      ...days.map((day) => ({ officeId, date: day.date, timeZone, fingerprint, digest: digestOf(day, targets) })),
      ...empty.map((date) => ({ officeId, date, timeZone, fingerprint, digest: null })),
    ];
    for (const row of rows) await insertDigestRow(tx, row);
    for (const month of new Set(rows.map((row) => row.date.slice(0, 7)))) {
      const total = await monthDigest(tx, { officeId, date: month, timeZone, fingerprint, digest: null }, today);
      if (total) await insertDigestRow(tx, total);
    }
  };
}

/** The month's row when the month is over and each of its days has a current digest (read within the transaction). */
async function monthDigest(tx: Queryable, month: DigestRow, today: LocalDate): Promise<DigestRow | null> {
  const first = `${month.date}-01`;
  // The 1st of the next month, one day back.
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  if (last >= today) return null;
  // By date: the month's sums are added day after day, in the same order on either engine, to the last bit.
  const rows = await tx.all<{ digest: Buffer }>(
    `SELECT digest FROM region_days WHERE office_id = ? AND date BETWEEN ? AND ? AND time_zone = ? AND version = ? AND targets = ? ORDER BY date`,
    [month.officeId, first, last, month.timeZone, SUMMARY_VERSION, month.fingerprint],
  );
  const days = Number(last.slice(8));
  if (rows.length < days) return null;
  return { ...month, digest: addDigests(rows.flatMap((row) => decodeStored(row.digest) ?? [])) };
}
