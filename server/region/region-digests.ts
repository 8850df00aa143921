// Every office's digests (server/analytics/day-digest.ts) for one period, for the regional table, the
// heat map and the staffing advisor. Each finished day's digest, and each finished month's sum of them, is stored as the
// day is summarised (day-digest-store.ts), so after a restart a year of 200 offices is a read of
// 2,400 small rows. What is still missing — days stored before the digests were, or a month never
// added up — is built here once, from the stored day summary (or empty for a day without any visit
// or booth event), stored (region-digest-rows.ts) and kept in memory. A digest made under other
// service targets, another time zone, another summary version or another digest format is built again. Days that can
// still change (today in each office's own time zone, or a past day with tickets still open) are
// digested afresh from the office's analytics store on every request, and keep their month from
// being added up.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { ALL_VISITS, readStoredDaySummaries } from '../analytics/analytics-store';
import type { DaySummary } from '../analytics/day-summary-shape';
import { datesOf } from '../analytics/measures';
import type { Database } from '../store/database';
import { addDigests, digestOf, targetsFingerprint, type DayDigest } from '../analytics/day-digest';
import { decodeStored, type DigestRow } from '../analytics/day-digest-store';
import { readDigestRows, storedSummaryDates, writeDigestRows } from './region-digest-rows';
import type { Period } from './region-period';
import type { RegionOffice } from './region-offices';

/** A digest of one date, or of a whole month ('YYYY-MM'). */
export interface DatedDigest {
  key: string;
  digest: DayDigest;
}

/** What one office needs for one period, by its own "today", and what its digests must match. */
interface Need {
  office: RegionOffice;
  today: LocalDate;
  /** Months of the period whose every day is finished: 'YYYY-MM' → its dates. */
  months: Map<string, LocalDate[]>;
  /** The other finished dates. */
  days: LocalDate[];
  /** Today and later. */
  live: LocalDate[];
  timeZone: string;
  fingerprint: string;
}

interface Known {
  timeZone: string;
  fingerprint: string;
  /** null: a finished day without any visit or booth event. */
  digest: DayDigest | null;
}

export class RegionDigests {
  /** Per office, per date or month: a few kilobytes each, so days summed into a known month are let go. */
  private readonly known = new Map<OfficeId, Map<string, Known>>();
  /** Past days still open (tickets not finished): digested live each time, never stored. */
  private readonly open = new Map<OfficeId, Set<LocalDate>>();
  /** One build at a time, so two requests never digest the same days twice. */
  private building: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  /** Each office's digests covering the period, each under its date or month ('YYYY-MM'): whole finished months as one digest. */
  async of(offices: readonly RegionOffice[], period: Period, now: number): Promise<Map<OfficeId, DatedDigest[]>> {
    const dates = datesOf(period);
    const splits = new Map<LocalDate, Split>();
    const needs = offices.map((office) => needOf(office, dates, now, splits));
    const run = () => this.ensureKnown(needs.filter((need) => this.unknownKeys(need).length > 0));
    const built = this.building.then(run, run);
    this.building = built.catch(() => undefined);
    await built;
    const result = new Map<OfficeId, DatedDigest[]>();
    for (const need of needs) {
      const digests: DatedDigest[] = [];
      const live: LocalDate[] = [];
      const take = (key: string) => {
        if (this.open.get(need.office.id)?.has(key)) live.push(key);
        else {
          const digest = this.valid(need, key)?.digest;
          if (digest) digests.push({ key, digest });
        }
      };
      for (const [month, days] of need.months) {
        if (this.valid(need, month)) take(month);
        else days.forEach(take);
      }
      need.days.forEach(take);
      for (const day of await this.liveDays(need, [...live, ...need.live])) digests.push({ key: day.date, digest: digestOf(day, need.office.config.services) });
      result.set(need.office.id, digests);
    }
    return result;
  }

  private valid({ office, timeZone, fingerprint }: Need, key: string): Known | undefined {
    const known = this.known.get(office.id)?.get(key);
    return known && known.timeZone === timeZone && known.fingerprint === fingerprint ? known : undefined;
  }

  /** Months without a current digest, and single days without one (open days excepted). */
  private unknownKeys(need: Need): string[] {
    const open = this.open.get(need.office.id);
    const months = [...need.months.keys()].filter((month) => !this.valid(need, month) && !need.months.get(month)!.some((d) => open?.has(d)));
    return [...months, ...need.days.filter((date) => !open?.has(date) && !this.valid(need, date))];
  }

  /** The stored digests first (one read for every office), then each office's missing days built and its months added up. */
  private async ensureKnown(needs: readonly Need[]): Promise<void> {
    if (needs.length === 0) return;
    await this.readStored(needs, [...new Set(needs.flatMap((need) => this.unknownKeys(need)))]);
    for (const need of needs) {
      const months = [...need.months.keys()].filter((month) => !this.valid(need, month));
      if (months.length === 0 && this.unknownKeys(need).length === 0) continue;
      // A month without its sum needs its days: stored ones first, then the rest built.
      const monthDays = months.flatMap((month) => need.months.get(month)!).filter((date) => !this.valid(need, date));
      await this.readStored([need], monthDays);
      const missing = [...monthDays, ...need.days].filter((date) => !this.valid(need, date) && !this.open.get(need.office.id)?.has(date)).sort();
      if (missing.length > 0) await this.build(need, missing);
      await this.addUpMonths(need, months);
    }
  }

  private async readStored(needs: readonly Need[], keys: readonly string[]): Promise<void> {
    const byId = new Map(needs.map((need) => [need.office.id, need]));
    for (const row of await readDigestRows(this.db, [...byId.keys()], keys)) {
      const need = byId.get(row.officeId)!;
      if (row.timeZone === need.timeZone && row.fingerprint === need.fingerprint) {
        this.remember(row.officeId, row.date, { timeZone: row.timeZone, fingerprint: row.fingerprint, digest: decodeStored(row.digest) });
      }
    }
  }

  /**
   * Has the office summarise (and store) the missing days, which stores their digests too; digests
   * the stored summaries still without a current one (stored before digests were, or under other
   * targets); a day still without either had nothing (an empty digest, stored too) or is still open.
   */
  private async build(need: Need, unknown: readonly LocalDate[]): Promise<void> {
    const { office, timeZone, fingerprint } = need;
    const span = { from: unknown[0]!, to: unknown[unknown.length - 1]! };
    await office.analytics.summarise(span.from, span.to, timeZone);
    await this.readStored([need], unknown);
    const missing = unknown.filter((date) => !this.valid(need, date));
    if (missing.length === 0) return;
    const stored = await storedSummaryDates(this.db, office.id, timeZone, span);
    const summarised = missing.filter((date) => stored.has(date));
    const wanted = new Set(summarised);
    const days: DaySummary[] =
      summarised.length === 0
        ? []
        : ((await readStoredDaySummaries(this.db, [{ officeId: office.id, timeZone }], { from: summarised[0]!, to: summarised[summarised.length - 1]! })).get(office.id) ?? []).filter((day) => wanted.has(day.date));
    const rows: DigestRow[] = days.map((day) => ({ officeId: office.id, date: day.date, timeZone, fingerprint, digest: digestOf(day, office.config.services) }));
    for (const day of await this.liveDays(need, missing.filter((date) => !stored.has(date)))) {
      if (isEmpty(day)) rows.push({ officeId: office.id, date: day.date, timeZone, fingerprint, digest: null });
      else this.markOpen(office.id, day.date);
    }
    await this.store(rows);
  }

  /** Each month whose days are all known (none still open) becomes one digest. */
  private async addUpMonths(need: Need, months: readonly string[]): Promise<void> {
    const { office, timeZone, fingerprint } = need;
    const rows: DigestRow[] = [];
    for (const month of months) {
      const days = need.months.get(month)!.map((date) => this.valid(need, date));
      if (days.some((day) => day === undefined)) continue;
      rows.push({ officeId: office.id, date: month, timeZone, fingerprint, digest: addDigests(days.flatMap((day) => day!.digest ?? [])) });
    }
    await this.store(rows);
    // The month answers for its days now; they stay stored for a period that starts or ends within the month.
    const known = this.known.get(office.id);
    for (const row of rows) for (const date of need.months.get(row.date)!) known?.delete(date);
  }

  private async store(rows: readonly DigestRow[]): Promise<void> {
    await writeDigestRows(this.db, rows);
    for (const row of rows) this.remember(row.officeId, row.date, { timeZone: row.timeZone, fingerprint: row.fingerprint, digest: row.digest });
  }

  private async liveDays({ office, timeZone }: Need, dates: readonly LocalDate[]): Promise<DaySummary[]> {
    if (dates.length === 0) return [];
    const sorted = [...dates].sort();
    const wanted = new Set(sorted);
    const days = await office.analytics.days({ from: sorted[0]!, to: sorted[sorted.length - 1]!, timeZone, scope: ALL_VISITS });
    return days.filter((day) => wanted.has(day.date));
  }

  private remember(officeId: OfficeId, key: string, known: Known): void {
    let keys = this.known.get(officeId);
    if (!keys) this.known.set(officeId, (keys = new Map()));
    keys.set(key, known);
    this.open.get(officeId)?.delete(key);
  }

  private markOpen(officeId: OfficeId, date: LocalDate): void {
    let dates = this.open.get(officeId);
    if (!dates) this.open.set(officeId, (dates = new Set()));
    dates.add(date);
  }
}

/** How the period splits at one "today": offices sharing a date share the split (a region spans few time zones). */
type Split = Pick<Need, 'months' | 'days' | 'live'>;

function splitAt(dates: readonly LocalDate[], today: LocalDate): Split {
  const finished = dates.filter((date) => date < today);
  const byMonth = new Map<string, LocalDate[]>();
  for (const date of finished) {
    const month = date.slice(0, 7);
    const days = byMonth.get(month);
    if (days) days.push(date);
    else byMonth.set(month, [date]);
  }
  const months = new Map([...byMonth].filter(([month, days]) => days.length === daysInMonth(month)));
  return { months, days: finished.filter((date) => !months.has(date.slice(0, 7))), live: dates.filter((date) => date >= today) };
}

function needOf(office: RegionOffice, dates: readonly LocalDate[], now: number, splits: Map<LocalDate, Split>): Need {
  const { timeZone } = office.config.office;
  const today = localDate(now, timeZone);
  let split = splits.get(today);
  if (!split) splits.set(today, (split = splitAt(dates, today)));
  return { office, today, ...split, timeZone, fingerprint: targetsFingerprint(office.config.services) };
}

function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** Nobody came and no booth opened. */
function isEmpty(day: DaySummary): boolean {
  return day.visits.arrivalsByHour.every((n) => n === 0) && Object.keys(day.counters).length === 0;
}
