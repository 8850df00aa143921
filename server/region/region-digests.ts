// Every office's day digests (region-digest.ts) for one period, for the regional table. A finished
// day's digest is built once — from its stored day summary, or empty for a day without any visit
// or booth event — stored (region-digest-rows.ts) and kept in memory, so after a restart a year of
// 200 offices is one short read. A digest made under other service targets, another time zone or
// another summary version is built again. Days that can still change (today in each office's own
// time zone, or a past day with tickets still open) are digested afresh from the office's
// analytics store on every request.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { ALL_VISITS, readStoredDaySummaries } from '../analytics/analytics-store';
import type { DaySummary } from '../analytics/day-summary-shape';
import { datesOf } from '../analytics/measures';
import type { Database } from '../store/database';
import { digestOf, targetsFingerprint, type RegionDigest } from './region-digest';
import { readDigestRows, storedSummaryDates, writeDigestRows, type DigestRow } from './region-digest-rows';
import type { Period } from './region-inputs';
import type { RegionOffice } from './region-offices';

/** What one office needs for one period: its finished dates (by its own "today") and what its digests must match. */
interface Need {
  office: RegionOffice;
  today: LocalDate;
  finished: readonly LocalDate[];
  timeZone: string;
  fingerprint: string;
}

interface Known {
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: RegionDigest | null;
}

export class RegionDigests {
  /** Per office, per finished date. */
  private readonly known = new Map<OfficeId, Map<LocalDate, Known>>();
  /** Past days still open (tickets not finished): digested live each time, never stored. */
  private readonly open = new Map<OfficeId, Set<LocalDate>>();
  /** One build at a time, so two requests never digest the same days twice. */
  private building: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  /** Each office's digests of the period's dates that have any data. */
  async of(offices: readonly RegionOffice[], period: Period, now: number): Promise<Map<OfficeId, RegionDigest[]>> {
    const dates = datesOf(period);
    const needs = offices.map((office): Need => {
      const { timeZone } = office.config.office;
      const today = localDate(now, timeZone);
      return { office, today, finished: dates.filter((date) => date < today), timeZone, fingerprint: targetsFingerprint(office.config.services) };
    });
    const run = () => this.ensureKnown(needs.filter((need) => this.unknownDates(need).length > 0));
    const built = this.building.then(run, run);
    this.building = built.catch(() => undefined);
    await built;
    const result = new Map<OfficeId, RegionDigest[]>();
    for (const need of needs) {
      const { office, today, finished } = need;
      const known = this.known.get(office.id);
      const digests = finished.flatMap((date) => known?.get(date)?.digest ?? []);
      const open = this.open.get(office.id);
      const live = [...finished.filter((date) => open?.has(date)), ...dates.filter((date) => date >= today)];
      for (const day of await this.liveDays(need, live)) digests.push(digestOf(day, office.config.services));
      result.set(office.id, digests);
    }
    return result;
  }

  private unknownDates({ office, finished, timeZone, fingerprint }: Need): LocalDate[] {
    const known = this.known.get(office.id);
    const open = this.open.get(office.id);
    return finished.filter((date) => {
      const day = known?.get(date);
      return !open?.has(date) && (day === undefined || day.timeZone !== timeZone || day.fingerprint !== fingerprint);
    });
  }

  /** The stored digests first (one read for every office); whatever is still unknown is built. */
  private async ensureKnown(needs: readonly Need[]): Promise<void> {
    if (needs.length === 0) return;
    const byId = new Map(needs.map((need) => [need.office.id, need]));
    const all = needs.flatMap((need) => need.finished);
    const span = { from: all.reduce((a, b) => (a < b ? a : b)), to: all.reduce((a, b) => (a > b ? a : b)) };
    for (const row of await readDigestRows(this.db, [...byId.keys()], span)) {
      const need = byId.get(row.officeId)!;
      if (row.date < need.today && row.timeZone === need.timeZone && row.fingerprint === need.fingerprint) {
        this.remember(row.officeId, row.date, { timeZone: row.timeZone, fingerprint: row.fingerprint, digest: row.digest });
      }
    }
    for (const need of needs) {
      const missing = this.unknownDates(need);
      if (missing.length > 0) await this.build(need, missing);
    }
  }

  /**
   * Has the office summarise (and store) the missing days, digests the stored summaries among them;
   * a day still without one either had nothing (an empty digest, stored too) or is still open.
   */
  private async build(need: Need, missing: readonly LocalDate[]): Promise<void> {
    const { office, timeZone, fingerprint } = need;
    const span = { from: missing[0]!, to: missing[missing.length - 1]! };
    await office.analytics.summarise(span.from, span.to, timeZone);
    const stored = await storedSummaryDates(this.db, office.id, timeZone, span);
    const summarised = missing.filter((date) => stored.has(date));
    const wanted = new Set(summarised);
    const days: DaySummary[] =
      summarised.length === 0
        ? []
        : ((await readStoredDaySummaries(this.db, [{ officeId: office.id, timeZone }], { from: summarised[0]!, to: summarised[summarised.length - 1]! })).get(office.id) ?? []).filter((day) => wanted.has(day.date));
    const rows: DigestRow[] = days.map((day) => ({ officeId: office.id, date: day.date, timeZone, fingerprint, digest: digestOf(day, office.config.services) }));
    const unsummarised = missing.filter((date) => !stored.has(date));
    for (const day of await this.liveDays(need, unsummarised)) {
      if (isEmpty(day)) rows.push({ officeId: office.id, date: day.date, timeZone, fingerprint, digest: null });
      else this.markOpen(office.id, day.date);
    }
    await writeDigestRows(this.db, rows);
    for (const row of rows) this.remember(row.officeId, row.date, { timeZone, fingerprint, digest: row.digest });
  }

  private async liveDays({ office, timeZone }: Need, dates: readonly LocalDate[]): Promise<DaySummary[]> {
    if (dates.length === 0) return [];
    const wanted = new Set(dates);
    const days = await office.analytics.days({ from: dates[0]!, to: dates[dates.length - 1]!, timeZone, scope: ALL_VISITS });
    return days.filter((day) => wanted.has(day.date));
  }

  private remember(officeId: OfficeId, date: LocalDate, known: Known): void {
    let days = this.known.get(officeId);
    if (!days) this.known.set(officeId, (days = new Map()));
    days.set(date, known);
    this.open.get(officeId)?.delete(date);
  }

  private markOpen(officeId: OfficeId, date: LocalDate): void {
    let dates = this.open.get(officeId);
    if (!dates) this.open.set(officeId, (dates = new Set()));
    dates.add(date);
  }
}

/** Nobody came and no booth opened. */
function isEmpty(day: DaySummary): boolean {
  return day.visits.arrivalsByHour.every((n) => n === 0) && Object.keys(day.counters).length === 0;
}
