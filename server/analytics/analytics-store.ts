// Day summaries for one office's reports. A finished day (before today, every ticket finished) is
// summarised once from the office's tickets and journal, stored in analytics_days (when it has any
// data) and kept in memory once read; a day that can still change (today, or a day with tickets left
// open) is summarised afresh from its records on every request, so live data is always current.
// Whoever keeps something beside the stored days (the regional view's digests, day-digest-store.ts)
// is told of each stored batch inside its transaction (OnDaysStored). The regional view reads the
// stored days it has no digest of yet (readStoredDaySummaries).
import type { LocalDate, OfficeId } from '../../common/protocol';
import { addDays, localDate } from '../../common/time/calendar';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';
import { servicesOf, summariseCounters, summariseVisits } from './day-summary';
import type { CounterDay, DaySummary, KeptLongWait, VisitSummary } from './day-summary-shape';
import { LocalClock } from './local-clock';
import { type DayRecords, readDays } from './records-reader';
import { decodeCounters, decodeLongest, decodeVisits, encodeCounters, encodeLongest, encodeVisits, SUMMARY_VERSION } from './summary-codec';
import type { Visit } from './visits';

/** The whole office; any other scope is a service id. */
export const ALL_VISITS = '';
/** Longest waits stored with the rest of a day; more are read only when a request lists more. */
export const LONGEST_HEAD = 20;
/** Days read from the journal per round trip: large enough to be fast, small enough to bound memory. */
const CHUNK_DAYS = 31;

export interface DaysQuery {
  from: LocalDate;
  to: LocalDate;
  timeZone: string;
  /** ALL_VISITS or a service id. */
  scope: string;
  /** How many longest waits each day must list (LONGEST_HEAD unless asked for more). */
  longest?: number;
}

/** Finished days just stored, as the hook after storing sees them. */
export interface StoredDays {
  timeZone: string;
  /** The office's today in that time zone: the days before it are over. */
  today: LocalDate;
  /** The whole-office summaries (scope ALL_VISITS) of the days with a visit or a booth event. */
  days: readonly DaySummary[];
  /** Finished days without any visit or booth event: no summary is stored for them. */
  empty: readonly LocalDate[];
}

/** Runs inside the transaction that stores the days, so what it writes is there exactly when they are. */
export type OnDaysStored = (tx: Queryable, stored: StoredDays) => Promise<void>;

interface StoredRow {
  date: LocalDate;
  scope: string;
  visits: Buffer | null;
  longest: string | null;
  counters: Buffer | null;
}

export class AnalyticsStore {
  private readonly clocks = new Map<string, LocalClock>();
  /** Dates known to have a current summary, per time zone. */
  private readonly summarised = new Set<string>();
  private readonly counters = new Map<string, Record<string, CounterDay>>();
  private readonly visits = new Map<string, VisitSummary>();
  private readonly longest = new Map<string, KeptLongWait[]>();
  private readonly empty = new Map<string, VisitSummary>();
  /** Summarising runs one batch at a time, so two requests never build the same day twice. */
  private building: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly officeId: OfficeId,
    private readonly now: () => number,
    private readonly onStored?: OnDaysStored,
  ) {}

  private clock(timeZone: string): LocalClock {
    let clock = this.clocks.get(timeZone);
    if (!clock) this.clocks.set(timeZone, (clock = new LocalClock(timeZone)));
    return clock;
  }

  /** One summary per date of the period, in order. */
  async days(query: DaysQuery): Promise<DaySummary[]> {
    const { from, to, timeZone, scope } = query;
    const longest = query.longest ?? LONGEST_HEAD;
    const dates = datesOf(from, to);
    const live = new Map((await this.ensureSummarised(dates, timeZone)).map((records) => [records.date, records]));
    const stored = dates.filter((d) => !live.has(d));
    await this.load(stored, timeZone, scope, longest > LONGEST_HEAD);
    const clock = this.clock(timeZone);
    return dates.map((date) => {
      const records = live.get(date);
      if (records) return liveSummary(records, scope, clock);
      const key = `${timeZone}|${date}`;
      const visits = this.visits.get(`${key}|${scope}`) ?? this.emptyVisits(timeZone);
      const full = longest > LONGEST_HEAD ? this.longest.get(`${key}|${scope}`) : undefined;
      return { date, visits: full ? { ...visits, longest: full } : visits, counters: this.counters.get(key)! };
    });
  }

  /** Summarises and stores every finished day of the period that has no current summary; returns how many. */
  async summarise(from: LocalDate, to: LocalDate, timeZone: string): Promise<number> {
    const dates = datesOf(from, to);
    const before = dates.filter((d) => this.summarised.has(`${timeZone}|${d}`)).length;
    await this.ensureSummarised(dates, timeZone);
    return dates.filter((d) => this.summarised.has(`${timeZone}|${d}`)).length - before;
  }

  /** Display names of staff, for specialist rows. */
  async staffNames(): Promise<Map<string, string>> {
    const rows = await this.db.read.all<{ id: string; name: string }>('SELECT id, name FROM users');
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Builds what is missing; returns the records of the days that cannot be stored yet. */
  private ensureSummarised(dates: readonly LocalDate[], timeZone: string): Promise<DayRecords[]> {
    const run = async () => {
      const today = localDate(this.now(), timeZone);
      const unknown = dates.filter((d) => d < today && !this.summarised.has(`${timeZone}|${d}`));
      if (unknown.length > 0) {
        const rows = await this.db.read.all<{ date: LocalDate }>(
          `SELECT date FROM analytics_days WHERE office_id = ? AND scope = ? AND time_zone = ? AND version = ? AND date BETWEEN ? AND ?`,
          [this.officeId, ALL_VISITS, timeZone, SUMMARY_VERSION, unknown[0]!, unknown[unknown.length - 1]!],
        );
        for (const row of rows) this.summarised.add(`${timeZone}|${row.date}`);
      }
      const missing = dates.filter((d) => !this.summarised.has(`${timeZone}|${d}`));
      const open: DayRecords[] = [];
      for (const chunk of consecutiveRuns(missing, CHUNK_DAYS)) {
        const records = await readDays(this.db, this.officeId, chunk, this.clock(timeZone), this.now());
        await this.store(records.filter((r) => r.final), timeZone);
        open.push(...records.filter((r) => !r.final));
      }
      return open;
    };
    const result = this.building.then(run, run);
    this.building = result.catch(() => undefined);
    return result;
  }

  private async store(finished: DayRecords[], timeZone: string): Promise<void> {
    // A day without a visit or a booth event is known in memory only: a period reaching years
    // back must not fill the database with empty summaries.
    const days = finished.filter((day) => day.visits.length > 0 || day.intervals.length > 0);
    for (const day of finished) this.summarised.add(`${timeZone}|${day.date}`);
    if (finished.length === 0 || (days.length === 0 && !this.onStored)) return;
    const clock = this.clock(timeZone);
    const wholeOffice: DaySummary[] = [];
    const rows = days.flatMap((day) => {
      const counters = summariseCounters(day.intervals, clock).get(day.date) ?? {};
      return [...scopesOf(day.visits)].map(([scope, visits]) => {
        const summary = summariseVisits(visits, clock);
        if (scope === ALL_VISITS) wholeOffice.push({ date: day.date, visits: summary, counters });
        return [this.officeId, day.date, scope, timeZone, SUMMARY_VERSION, encodeVisits(summary, LONGEST_HEAD), encodeLongest(summary.longest), scope === ALL_VISITS ? encodeCounters(counters) : null];
      });
    });
    const stored = new Set(days.map((day) => day.date));
    const empty = finished.map((day) => day.date).filter((date) => !stored.has(date));
    await this.db.transaction(async (tx) => {
      for (const day of days) {
        await tx.run('DELETE FROM analytics_days WHERE office_id = ? AND date = ?', [this.officeId, day.date]);
        // The digests of the day and of its month (day-digest-store.ts) were made from the summary replaced here; onStored writes them anew.
        await tx.run('DELETE FROM region_days WHERE office_id = ? AND date IN (?, ?)', [this.officeId, day.date, day.date.slice(0, 7)]);
      }
      for (const row of rows) {
        await tx.run('INSERT INTO analytics_days (office_id, date, scope, time_zone, version, visits, longest, counters) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', row);
      }
      await this.onStored?.(tx, { timeZone, today: localDate(this.now(), timeZone), days: wholeOffice, empty });
    }, officeLock(this.officeId));
    for (const day of days) {
      const key = `${timeZone}|${day.date}`;
      // A rebuilt day must not be served from what was read before.
      for (const cache of [this.visits, this.longest]) for (const cached of [...cache.keys()]) if (cached.startsWith(`${key}|`)) cache.delete(cached);
      this.counters.delete(key);
    }
  }

  /** Reads the stored summaries of one scope that are not in memory yet. */
  private async load(dates: readonly LocalDate[], timeZone: string, scope: string, withLongest: boolean): Promise<void> {
    const missing = dates.filter((date) => {
      const key = `${timeZone}|${date}`;
      return !this.counters.has(key) || !this.visits.has(`${key}|${scope}`) || (withLongest && !this.longest.has(`${key}|${scope}`));
    });
    if (missing.length === 0) return;
    const rows = await this.db.read.all<StoredRow>(
      `SELECT date, scope, CASE WHEN scope = ? THEN visits END AS visits, CASE WHEN scope = ? AND ? = 1 THEN longest END AS longest, counters
       FROM analytics_days WHERE office_id = ? AND scope IN (?, ?) AND time_zone = ? AND version = ? AND date BETWEEN ? AND ?`,
      [scope, scope, withLongest ? 1 : 0, this.officeId, ALL_VISITS, scope, timeZone, SUMMARY_VERSION, missing[0]!, missing[missing.length - 1]!],
    );
    for (const row of rows) {
      const key = `${timeZone}|${row.date}`;
      if (row.counters !== null && !this.counters.has(key)) this.counters.set(key, decodeCounters(row.counters));
      if (row.visits !== null && !this.visits.has(`${key}|${row.scope}`)) this.visits.set(`${key}|${row.scope}`, decodeVisits(row.visits));
      if (row.longest !== null) this.longest.set(`${key}|${row.scope}`, decodeLongest(row.longest));
    }
    // A service nobody queued for that day has no row of its own; a day without any data has none at all.
    for (const date of missing) {
      const key = `${timeZone}|${date}`;
      if (!this.counters.has(key)) this.counters.set(key, {});
      if (!this.visits.has(`${key}|${scope}`)) this.visits.set(`${key}|${scope}`, this.emptyVisits(timeZone));
      if (withLongest && !this.longest.has(`${key}|${scope}`)) this.longest.set(`${key}|${scope}`, []);
    }
  }

  private emptyVisits(timeZone: string): VisitSummary {
    let empty = this.empty.get(timeZone);
    if (!empty) this.empty.set(timeZone, (empty = summariseVisits([], this.clock(timeZone))));
    return empty;
  }
}

/** An office and the time zone its summaries are kept in (a summary of another zone is out of date). */
export interface OfficeZone {
  officeId: OfficeId;
  timeZone: string;
}

/**
 * The stored whole-office summaries (scope ALL_VISITS) of several offices, one per date of the period
 * in order; a date without a current stored row — no data, or not summarised yet, as today never is —
 * reads as an empty day. One query for all offices rather than one per office; the rows themselves
 * are the cost (some 25 KB a day at 2,000 visits), so a year of many offices takes seconds.
 */
export async function readStoredDaySummaries(
  db: Database,
  offices: readonly OfficeZone[],
  period: { from: LocalDate; to: LocalDate },
): Promise<Map<OfficeId, DaySummary[]>> {
  const result = new Map<OfficeId, DaySummary[]>();
  if (offices.length === 0) return result;
  const zones = new Map(offices.map((o) => [o.officeId, o.timeZone]));
  const rows = await db.read.all<{ office_id: OfficeId; date: LocalDate; time_zone: string; visits: Buffer; counters: Buffer | null }>(
    `SELECT office_id, date, time_zone, visits, counters FROM analytics_days
     WHERE office_id IN (${offices.map(() => '?').join(', ')}) AND scope = ? AND version = ? AND date BETWEEN ? AND ?`,
    [...zones.keys(), ALL_VISITS, SUMMARY_VERSION, period.from, period.to],
  );
  const stored = new Map<string, DaySummary>();
  for (const row of rows) {
    if (zones.get(row.office_id) !== row.time_zone) continue;
    stored.set(`${row.office_id}|${row.date}`, { date: row.date, visits: decodeVisits(row.visits), counters: row.counters ? decodeCounters(row.counters) : {} });
  }
  const dates = datesOf(period.from, period.to);
  const empty = new Map<string, VisitSummary>();
  for (const [officeId, timeZone] of zones) {
    if (!empty.has(timeZone)) empty.set(timeZone, summariseVisits([], new LocalClock(timeZone)));
    const nothing = empty.get(timeZone)!;
    result.set(officeId, dates.map((date) => stored.get(`${officeId}|${date}`) ?? { date, visits: nothing, counters: {} }));
  }
  return result;
}

function datesOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Every visit under ALL_VISITS, and each visit again under each service it queued for. */
function scopesOf(visits: readonly Visit[]): Map<string, Visit[]> {
  const scopes = new Map<string, Visit[]>([[ALL_VISITS, [...visits]]]);
  for (const visit of visits) {
    for (const service of servicesOf(visit)) {
      const list = scopes.get(service);
      if (list) list.push(visit);
      else scopes.set(service, [visit]);
    }
  }
  return scopes;
}

function liveSummary(records: DayRecords, scope: string, clock: LocalClock): DaySummary {
  const visits = scope === ALL_VISITS ? records.visits : records.visits.filter((v) => servicesOf(v).has(scope));
  return { date: records.date, visits: summariseVisits(visits, clock), counters: summariseCounters(records.intervals, clock).get(records.date) ?? {} };
}

/** Runs of consecutive dates, each at most `limit` long. */
function consecutiveRuns(dates: readonly LocalDate[], limit: number): LocalDate[][] {
  const runs: LocalDate[][] = [];
  for (const date of dates) {
    const run = runs[runs.length - 1];
    if (run && run.length < limit && addDays(run[run.length - 1]!, 1) === date) run.push(date);
    else runs.push([date]);
  }
  return runs;
}
