// Reading a period's visits and counter intervals from the tickets table and the journal. Days
// that can no longer change (before today, every ticket finished) are kept in memory once built,
// so a year's report rebuilds nothing after the first query; today is always read afresh.
import type { LocalDate } from '../../common/protocol';
import { addDays, localDate, zonedToEpoch } from '../domain/time';
import type { Database } from '../store/database';
import { LocalClock } from './local-clock';
import { buildCounterIntervals, buildVisit, type CounterEvent, type CounterInterval, type TicketEvent, type TicketFacts, type Visit } from './visits';

export interface AnalyticsRecords {
  visits: Visit[];
  intervals: CounterInterval[];
}

interface TicketRow {
  id: string;
  code: string;
  issued_service_id: string;
  source: Visit['source'];
  priority_kind: Visit['priorityKind'];
  issued_at: number;
  status: string;
  slot_start: number | null;
  promised: number | null;
}

interface TicketEventRow {
  seq: number;
  ticket_id: string;
  at: number;
  kind: TicketEvent['kind'];
  counter_id: string | null;
  actor: string;
  to_state: string | null;
}

interface CounterEventRow {
  at: number;
  kind: CounterEvent['kind'];
  counter_id: string;
  actor: string;
  from_state: string | null;
  note: string | null;
}

interface DayRecords extends AnalyticsRecords {
  final: boolean;
}

const TICKET_KINDS = ['ticket-called', 'ticket-recalled', 'ticket-started', 'ticket-finished', 'ticket-transferred', 'ticket-returned', 'ticket-postponed']
  .map((k) => `'${k}'`)
  .join(', ');
/** Rows of a period's tickets are read up to a day past its end: visits crossing midnight finish there. */
const EVENT_MARGIN_MS = 86_400_000;

/** Days read per round trip: large enough to be fast, small enough to bound memory. */
const CHUNK_DAYS = 31;

export class AnalyticsStore {
  private readonly days = new Map<string, DayRecords>();
  private readonly clocks = new Map<string, LocalClock>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  clock(timeZone: string): LocalClock {
    let clock = this.clocks.get(timeZone);
    if (!clock) this.clocks.set(timeZone, (clock = new LocalClock(timeZone)));
    return clock;
  }

  /** Visits issued on the local dates from..to (inclusive) and counter intervals on those dates. */
  async records(from: LocalDate, to: LocalDate, timeZone: string): Promise<AnalyticsRecords> {
    const dates: LocalDate[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
    const missing = dates.filter((d) => !this.days.get(`${timeZone}|${d}`)?.final);
    for (let i = 0; i < missing.length; ) {
      // A chunk is a run of consecutive missing dates.
      let j = i + 1;
      while (j < missing.length && j - i < CHUNK_DAYS && missing[j] === addDays(missing[j - 1]!, 1)) j++;
      await this.loadDays(missing.slice(i, j), timeZone);
      i = j;
    }
    const visits: Visit[] = [];
    const intervals: CounterInterval[] = [];
    for (const date of dates) {
      const day = this.days.get(`${timeZone}|${date}`)!;
      for (const v of day.visits) visits.push(v);
      for (const iv of day.intervals) intervals.push(iv);
    }
    return { visits, intervals };
  }

  /** Display names of staff, for specialist rows. */
  async staffNames(): Promise<Map<string, string>> {
    const rows = await this.db.read.all<{ id: string; name: string }>('SELECT id, name FROM users');
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async loadDays(dates: LocalDate[], timeZone: string): Promise<void> {
    const clock = this.clock(timeZone);
    const now = this.now();
    const today = localDate(now, timeZone);
    const start = zonedToEpoch(dates[0]!, 0, timeZone);
    const end = zonedToEpoch(addDays(dates[dates.length - 1]!, 1), 0, timeZone);
    const [tickets, events, counterRows] = await Promise.all([
      this.db.read.all<TicketRow>(
        `SELECT id, code, issued_service_id, source, priority_kind, issued_at, status,
                json_extract(data, '$.priority.slotStart') AS slot_start, json_extract(data, '$.estimate.waitMinutes') AS promised
         FROM tickets WHERE issued_at >= ? AND issued_at < ?`,
        [start, end],
      ),
      // By time, not by ticket: one range scan is many times faster than an index lookup per ticket.
      this.db.read.all<TicketEventRow>(
        `SELECT seq, ticket_id, at, kind, counter_id, actor, to_state FROM journal
         WHERE at >= ? AND at < ? AND kind IN (${TICKET_KINDS})`,
        [start, end + EVENT_MARGIN_MS],
      ),
      this.db.read.all<CounterEventRow>(
        `SELECT at, kind, counter_id, actor, from_state, note FROM journal
         WHERE kind IN ('counter-opened', 'counter-paused', 'counter-resumed', 'counter-closed') AND at >= ? AND at < ?
         ORDER BY seq`,
        [start, end],
      ),
    ]);
    const byTicket = new Map<string, TicketEventRow[]>(tickets.map((t) => [t.id, []]));
    for (const row of events) byTicket.get(row.ticket_id)?.push(row);
    // A ticket finished after the margin (a day ended by a late rollover) reads its rows by id.
    const unfinished = tickets.filter((t) => t.status === 'finished' && !byTicket.get(t.id)!.some((r) => r.kind === 'ticket-finished')).map((t) => t.id);
    for (let i = 0; i < unfinished.length; i += 500) {
      const ids = unfinished.slice(i, i + 500);
      const late = await this.db.read.all<TicketEventRow>(
        `SELECT seq, ticket_id, at, kind, counter_id, actor, to_state FROM journal
         WHERE ticket_id IN (${ids.map(() => '?').join(', ')}) AND kind IN (${TICKET_KINDS}) AND at >= ?`,
        [...ids, end + EVENT_MARGIN_MS],
      );
      for (const row of late) byTicket.get(row.ticket_id)!.push(row);
    }
    const perDay = new Map<LocalDate, { visits: Visit[]; counterEvents: CounterEvent[]; open: boolean }>(
      dates.map((d) => [d, { visits: [], counterEvents: [], open: false }]),
    );
    for (const t of tickets) {
      const day = perDay.get(clock.slot(t.issued_at).date);
      if (!day) continue;
      const facts: TicketFacts = {
        ticketId: t.id,
        code: t.code,
        issuedServiceId: t.issued_service_id,
        source: t.source,
        priorityKind: t.priority_kind,
        slotStart: t.slot_start,
        issuedAt: t.issued_at,
        promisedWaitMinutes: t.promised,
      };
      const rows = byTicket.get(t.id)!.sort((a, b) => a.seq - b.seq);
      day.visits.push(buildVisit(facts, rows.map((r) => ({ at: r.at, kind: r.kind, counterId: r.counter_id, actor: r.actor, to: r.to_state }))));
      if (t.status !== 'finished') day.open = true;
    }
    for (const r of counterRows) {
      perDay.get(clock.slot(r.at).date)?.counterEvents.push({ at: r.at, kind: r.kind, counterId: r.counter_id, actor: r.actor, from: r.from_state, note: r.note });
    }
    for (const [date, day] of perDay) {
      const dayStart = zonedToEpoch(date, 0, timeZone);
      const dayEnd = Math.min(now, zonedToEpoch(addDays(date, 1), 0, timeZone));
      day.visits.sort((a, b) => a.issuedAt - b.issuedAt);
      const intervals = dayEnd > dayStart ? buildCounterIntervals(day.counterEvents, dayStart, dayEnd) : [];
      this.days.set(`${timeZone}|${date}`, { visits: day.visits, intervals, final: date < today && !day.open });
    }
  }
}
