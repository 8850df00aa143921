// Reading one office's days of visits and counter intervals from the tickets table and the journal:
// the raw material of day summaries. Slow by nature (a year is ~21 s), so only days not yet
// summarised and today are read.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import type { Database } from '../store/database';
import { jsonNumberAt } from '../store/sql-dialect';
import type { LocalClock } from './local-clock';
import { buildCounterIntervals, buildVisit, type CounterEvent, type CounterInterval, type TicketEvent, type TicketFacts, type Visit } from './visits';

export interface DayRecords {
  date: LocalDate;
  visits: Visit[];
  intervals: CounterInterval[];
  /** Before today with every ticket finished: nothing about the day can change any more. */
  final: boolean;
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

const TICKET_KINDS = ['ticket-called', 'ticket-recalled', 'ticket-started', 'ticket-finished', 'ticket-transferred', 'ticket-returned', 'ticket-postponed']
  .map((k) => `'${k}'`)
  .join(', ');
/** Rows of a period's tickets are read up to a day past its end: visits crossing midnight finish there. */
const EVENT_MARGIN_MS = 86_400_000;

/** Consecutive local dates, read in one round trip per table. */
export async function readDays(db: Database, officeId: OfficeId, dates: readonly LocalDate[], clock: LocalClock, now: number): Promise<DayRecords[]> {
  const { timeZone } = clock;
  const today = localDate(now, timeZone);
  const start = zonedToEpoch(dates[0]!, 0, timeZone);
  const end = zonedToEpoch(addDays(dates[dates.length - 1]!, 1), 0, timeZone);
  const [tickets, events, counterRows] = await Promise.all([
    db.read.all<TicketRow>(
      `SELECT id, code, issued_service_id, source, priority_kind, issued_at, status,
              ${jsonNumberAt(db.engine, 'data', ['priority', 'slotStart'], 'bigint')} AS slot_start,
              ${jsonNumberAt(db.engine, 'data', ['estimate', 'waitMinutes'], 'double precision')} AS promised
       FROM tickets WHERE office_id = ? AND issued_at >= ? AND issued_at < ?`,
      [officeId, start, end],
    ),
    // By time, not by ticket: one range scan is many times faster than an index lookup per ticket.
    db.read.all<TicketEventRow>(
      `SELECT seq, ticket_id, at, kind, counter_id, actor, to_state FROM journal
       WHERE office_id = ? AND at >= ? AND at < ? AND kind IN (${TICKET_KINDS})`,
      [officeId, start, end + EVENT_MARGIN_MS],
    ),
    db.read.all<CounterEventRow>(
      `SELECT at, kind, counter_id, actor, from_state, note FROM journal
       WHERE office_id = ? AND kind IN ('counter-opened', 'counter-paused', 'counter-resumed', 'counter-closed') AND at >= ? AND at < ?
       ORDER BY seq`,
      [officeId, start, end],
    ),
  ]);
  const byTicket = new Map<string, TicketEventRow[]>(tickets.map((t) => [t.id, []]));
  for (const row of events) byTicket.get(row.ticket_id)?.push(row);
  // A ticket finished after the margin (a day ended by a late rollover) reads its rows by id.
  const unfinished = tickets.filter((t) => t.status === 'finished' && !byTicket.get(t.id)!.some((r) => r.kind === 'ticket-finished')).map((t) => t.id);
  for (let i = 0; i < unfinished.length; i += 500) {
    const ids = unfinished.slice(i, i + 500);
    const late = await db.read.all<TicketEventRow>(
      `SELECT seq, ticket_id, at, kind, counter_id, actor, to_state FROM journal
       WHERE office_id = ? AND ticket_id IN (${ids.map(() => '?').join(', ')}) AND kind IN (${TICKET_KINDS}) AND at >= ?`,
      [officeId, ...ids, end + EVENT_MARGIN_MS],
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
  const result: DayRecords[] = [];
  for (const [date, day] of perDay) {
    const dayStart = zonedToEpoch(date, 0, timeZone);
    const dayEnd = Math.min(now, zonedToEpoch(addDays(date, 1), 0, timeZone));
    // Tickets issued in the same millisecond by their id, whatever order the rows came in.
    day.visits.sort((a, b) => a.issuedAt - b.issuedAt || (a.ticketId < b.ticketId ? -1 : 1));
    const intervals = dayEnd > dayStart ? buildCounterIntervals(day.counterEvents, dayStart, dayEnd) : [];
    result.push({ date, visits: day.visits, intervals, final: date < today && !day.open });
  }
  return result;
}
