// Every office's day digests (region-digest.ts) for one period, for the regional table. A finished
// day's digest is stored beside its day summary in analytics_days (scope DIGEST_SCOPE; the
// targets' fingerprint in `longest`), built from the summary the first time the day is asked for
// and kept in memory after; rebuilding a day's summary deletes every scope of it, the digest too.
// Stored days of all offices come from one query; days that can still change (today, in each
// office's own time zone) from the office's analytics store, digested afresh on every request.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { ALL_VISITS, readStoredDaySummaries } from '../analytics/analytics-store';
import { datesOf } from '../analytics/measures';
import { SUMMARY_VERSION } from '../analytics/summary-codec';
import type { Database } from '../store/database';
import { digestOf, targetsFingerprint, type RegionDigest } from './region-digest';
import { decodeDigest, encodeDigest } from './region-digest-codec';
import type { Period } from './region-inputs';
import type { RegionOffice } from './region-offices';

/** The scope of digest rows; the version in its name is the digest's own (the row's version column is the summary's). */
export const DIGEST_SCOPE = '#region-v1';

interface Known {
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: RegionDigest | null;
}

interface StoredRow {
  officeId: OfficeId;
  date: LocalDate;
  timeZone: string;
  fingerprint: string | null;
  digest: Buffer | null;
}

/** What one office needs for one period: its finished dates (its own "today" counts) and its settings' fingerprint. */
interface Need {
  office: RegionOffice;
  today: LocalDate;
  finished: readonly LocalDate[];
  fingerprint: string;
}

export class RegionDigests {
  /** Per office, per date. */
  private readonly known = new Map<OfficeId, Map<LocalDate, Known>>();
  /** One build at a time, so two requests never digest the same days twice. */
  private building: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  /** Each office's digests of the period's dates that have any data, finished days and live ones. */
  async of(offices: readonly RegionOffice[], period: Period, now: number): Promise<Map<OfficeId, RegionDigest[]>> {
    const dates = datesOf(period);
    const needs = offices.map((office): Need => {
      const today = localDate(now, office.config.office.timeZone);
      return { office, today, finished: dates.filter((date) => date < today), fingerprint: targetsFingerprint(office.config.services) };
    });
    const run = () => this.ensureKnown(needs.filter((need) => !this.allKnown(need)));
    const built = this.building.then(run, run);
    this.building = built.catch(() => undefined);
    await built;
    const result = new Map<OfficeId, RegionDigest[]>();
    for (const { office, today, finished } of needs) {
      const known = this.known.get(office.id)!;
      const digests = finished.flatMap((date) => known.get(date)?.digest ?? []);
      if (period.to >= today) {
        const from = period.from > today ? period.from : today;
        const live = await office.analytics.days({ from, to: period.to, timeZone: office.config.office.timeZone, scope: ALL_VISITS });
        for (const day of live) digests.push(digestOf(day, office.config.services));
      }
      result.set(office.id, digests);
    }
    return result;
  }

  private allKnown({ office, finished, fingerprint }: Need): boolean {
    const known = this.known.get(office.id);
    const { timeZone } = office.config.office;
    return (
      known !== undefined &&
      finished.every((date) => {
        const day = known.get(date);
        return day !== undefined && day.timeZone === timeZone && day.fingerprint === fingerprint;
      })
    );
  }

  /**
   * Has each office summarise (and store) its finished days of the period nobody has asked about yet,
   * then reads their digests in one query, building the ones missing or made under other targets.
   */
  private async ensureKnown(needs: readonly Need[]): Promise<void> {
    const asked = needs.filter((need) => need.finished.length > 0);
    if (asked.length === 0) return;
    for (const { office, finished } of asked) await office.analytics.summarise(finished[0]!, finished[finished.length - 1]!, office.config.office.timeZone);
    const byId = new Map(asked.map((need) => [need.office.id, need]));
    const from = asked.reduce((min, need) => (need.finished[0]! < min ? need.finished[0]! : min), asked[0]!.finished[0]!);
    const to = asked.reduce((max, need) => (need.finished[need.finished.length - 1]! > max ? need.finished[need.finished.length - 1]! : max), from);
    const rows = await this.db.read.all<StoredRow>(
      `SELECT a.office_id AS officeId, a.date, a.time_zone AS timeZone, r.longest AS fingerprint, r.visits AS digest
       FROM analytics_days a
       LEFT JOIN analytics_days r ON r.office_id = a.office_id AND r.date = a.date AND r.scope = ? AND r.version = a.version AND r.time_zone = a.time_zone
       WHERE a.office_id IN (${asked.map(() => '?').join(', ')}) AND a.scope = ? AND a.version = ? AND a.date BETWEEN ? AND ?`,
      [DIGEST_SCOPE, ...byId.keys(), ALL_VISITS, SUMMARY_VERSION, from, to],
    );
    const stale = new Map<OfficeId, LocalDate[]>();
    const stored = new Map<OfficeId, Set<LocalDate>>();
    for (const row of rows) {
      const need = byId.get(row.officeId)!;
      if (row.timeZone !== need.office.config.office.timeZone || row.date >= need.today) continue;
      let dates = stored.get(row.officeId);
      if (!dates) stored.set(row.officeId, (dates = new Set()));
      dates.add(row.date);
      if (row.digest !== null && row.fingerprint === need.fingerprint) {
        this.remember(row.officeId, row.date, { timeZone: row.timeZone, fingerprint: need.fingerprint, digest: decodeDigest(row.digest) });
      } else stale.set(row.officeId, [...(stale.get(row.officeId) ?? []), row.date]);
    }
    // A finished day without a stored summary had nothing to summarise.
    for (const { office, finished, fingerprint } of asked) {
      const dates = stored.get(office.id);
      for (const date of finished) {
        if (!dates?.has(date)) this.remember(office.id, date, { timeZone: office.config.office.timeZone, fingerprint, digest: null });
      }
    }
    for (const [officeId, dates] of stale) await this.build(byId.get(officeId)!, dates);
  }

  /** Digests one office's stored days from their full summaries, and stores the digests. */
  private async build({ office, fingerprint }: Need, dates: readonly LocalDate[]): Promise<void> {
    const { timeZone } = office.config.office;
    const wanted = new Set(dates);
    const summaries = await readStoredDaySummaries(this.db, [{ officeId: office.id, timeZone }], { from: dates[0]!, to: dates[dates.length - 1]! });
    const digests = (summaries.get(office.id) ?? []).filter((day) => wanted.has(day.date)).map((day) => ({ date: day.date, digest: digestOf(day, office.config.services) }));
    await this.db.transaction(async (tx) => {
      for (const { date, digest } of digests) {
        // Only beside the summary it was built from: a day rebuilt meanwhile has lost its row and gets a new digest next time.
        await tx.run(
          `INSERT OR REPLACE INTO analytics_days (office_id, date, scope, time_zone, version, visits, longest, counters)
           SELECT office_id, date, ?, time_zone, version, ?, ?, NULL FROM analytics_days
           WHERE office_id = ? AND date = ? AND scope = ? AND version = ? AND time_zone = ?`,
          [DIGEST_SCOPE, encodeDigest(digest), fingerprint, office.id, date, ALL_VISITS, SUMMARY_VERSION, timeZone],
        );
      }
    });
    for (const { date, digest } of digests) this.remember(office.id, date, { timeZone, fingerprint, digest });
  }

  private remember(officeId: OfficeId, date: LocalDate, known: Known): void {
    let days = this.known.get(officeId);
    if (!days) this.known.set(officeId, (days = new Map()));
    days.set(date, known);
  }
}
