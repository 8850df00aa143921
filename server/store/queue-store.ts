// One office's live queue on disk: tickets, counter states and the append-only journal.
// `commitChanges` writes a batch of commands' changes inside the caller's transaction; `loadQueueState`
// rebuilds the exact queue after a restart. Every row belongs to one office, and the journal's seq
// is that office's own: its engine numbers the rows, so each office's events stay gap-free.
import type { Actor, CallRecord, CounterState, LocalDate, OfficeId, QueueEvent, Ticket } from '../../common/protocol';
import { PersistentMap } from '../domain/persistent-map';
import { countInLine, SERVICE_DURATIONS_KEPT, type Change, type QueueState, type ServiceNumbering } from '../domain/state';
import type { Database, Queryable, SqlValue } from './database';

interface DataRow {
  data: string;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.id}`;
    case 'device':
      return `device:${actor.id}`;
    default:
      return actor.kind;
  }
}

const TICKET_COLUMNS = `id, office_id, issued_service_id, service_id, service_day, number, code, status, outcome, source, priority_kind,
  issued_at, called_at, started_at, finished_at, counter_id, data`;
const JOURNAL_COLUMNS = 'office_id, seq, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note';
/** Rows per INSERT: well under SQLite's limit of 32,766 bound values even for the widest table. */
const ROWS_PER_INSERT = 500;

function ticketRow(officeId: OfficeId, t: Ticket): SqlValue[] {
  return [
    t.id, officeId, t.serviceId, t.serviceId, t.serviceDay, t.number, t.code, t.status, t.outcome, t.source, t.priority.kind,
    t.issuedAt, t.calledAt, t.startedAt, t.finishedAt, t.counterId, JSON.stringify(t),
  ];
}

/**
 * One INSERT per ROWS_PER_INSERT rows rather than one per row. Why: every statement is a round trip
 * through Node's event loop, and the shared writer is held meanwhile — under a flood of another
 * office's requests each round trip waits behind them, so a batch's statements, not its disk sync,
 * decided how long every other office's commit waited (issue #11).
 */
async function insertRows(tx: Queryable, head: string, rows: SqlValue[][], tail = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const placeholders = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
    await tx.run(`${head} VALUES ${placeholders} ${tail}`, chunk.flat());
  }
}

/** One command's changes, as the engine decided them. */
export interface DecidedChanges {
  changes: Change[];
  actor: Actor;
  at: number;
}

/**
 * Writes the changes of a batch of commands and their journal rows, numbered from `afterSeq + 1`
 * (the office's last seq, which its engine keeps); returns each command's sequenced events. A
 * ticket or booth changed several times in the batch is written once, as it ended.
 */
export async function commitChanges(tx: Queryable, officeId: OfficeId, afterSeq: number, batch: readonly DecidedChanges[]): Promise<QueueEvent[][]> {
  const journal: SqlValue[][] = [];
  const tickets = new Map<string, Ticket>();
  const counters = new Map<string, CounterState>();
  let seq = afterSeq;
  const events = batch.map(({ changes, actor, at }) => {
    const who = actorLabel(actor);
    return changes.map((change): QueueEvent => {
      seq += 1;
      journal.push([officeId, seq, at, change.kind, change.ticketId ?? null, change.counterId ?? null, change.ticket?.serviceId ?? null, who, change.from ?? null, change.to ?? null, change.note ?? null]);
      if (change.ticket) tickets.set(change.ticket.id, change.ticket);
      if (change.counter) counters.set(change.counter.counterId, change.counter);
      return {
        seq,
        at,
        kind: change.kind,
        ...(change.ticket ? { ticket: change.ticket } : {}),
        ...(change.counter ? { counter: change.counter } : {}),
      };
    });
  });
  await insertRows(tx, `INSERT INTO journal (${JOURNAL_COLUMNS})`, journal);
  // Ticket ids are random and unique across offices, so the upsert by id stays within the office.
  await insertRows(
    tx,
    `INSERT INTO tickets (${TICKET_COLUMNS})`,
    [...tickets.values()].map((t) => ticketRow(officeId, t)),
    `ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status, outcome = excluded.outcome,
       priority_kind = excluded.priority_kind, called_at = excluded.called_at, started_at = excluded.started_at,
       finished_at = excluded.finished_at, counter_id = excluded.counter_id, data = excluded.data`,
  );
  await insertRows(
    tx,
    'INSERT INTO counter_states (office_id, counter_id, data)',
    [...counters.values()].map((c) => [officeId, c.counterId, JSON.stringify(c)]),
    'ON CONFLICT (office_id, counter_id) DO UPDATE SET data = excluded.data',
  );
  return events;
}

/** `q` is `db.read`, or the office's locked transaction when a node catches up with another's writes (the same for the reads below). */
export async function loadQueueState(q: Queryable, officeId: OfficeId, today: LocalDate): Promise<QueueState> {
  // In the order they were issued, as the live engine added them: the map keeps insertion order within
  // each of its buckets, and PostgreSQL, unlike SQLite, returns rows in no particular order without one.
  const open = await q.all<DataRow>("SELECT data FROM tickets WHERE office_id = ? AND status <> 'finished' ORDER BY issued_at, id", [officeId]);
  const tickets = PersistentMap.from(open.map((r) => JSON.parse(r.data) as Ticket).map((t) => [t.id, t] as const));
  // Snapshots list the booths' states in this order after a restart.
  const counterRows = await q.all<DataRow>('SELECT data FROM counter_states WHERE office_id = ? ORDER BY counter_id', [officeId]);
  const counters = new Map(counterRows.map((r) => JSON.parse(r.data) as CounterState).map((c) => [c.counterId, c]));
  const numberRows = await q.all<{ service_id: string; last: number; issued: number }>(
    'SELECT issued_service_id AS service_id, MAX(number) AS last, COUNT(*) AS issued FROM tickets WHERE office_id = ? AND service_day = ? GROUP BY issued_service_id',
    [officeId, today],
  );
  const numbering = new Map<string, ServiceNumbering>(numberRows.map((r) => [r.service_id, { day: today, last: r.last, issued: r.issued }]));
  const durationRows = await q.all<{ service_id: string; duration: number }>(
    `SELECT service_id, finished_at - COALESCE(started_at, called_at) AS duration FROM tickets
     WHERE office_id = ? AND service_day = ? AND outcome = 'served' ORDER BY finished_at, id`,
    [officeId, today],
  );
  const serviceDurations = new Map<string, number[]>();
  for (const row of durationRows) {
    const list = serviceDurations.get(row.service_id) ?? [];
    list.push(row.duration);
    serviceDurations.set(row.service_id, list.slice(-SERVICE_DURATIONS_KEPT));
  }
  return { tickets, inLine: countInLine(tickets.values()), counters, numbering, serviceDurations };
}

export async function loadRecentCalls(q: Queryable, officeId: OfficeId, today: LocalDate, limit: number): Promise<CallRecord[]> {
  const rows = await q.all<{ seq: number; at: number; kind: string; ticket_id: string; counter_id: string; code: string; service_id: string }>(
    // From today's tickets to their rows (SQLite keeps a CROSS JOIN's order): walking the journal back
    // from its end instead reads the office's whole history when nobody has been called yet today.
    // The join condition is in WHERE because PostgreSQL refuses CROSS JOIN … ON.
    `SELECT j.seq, j.at, j.kind, j.ticket_id, j.counter_id, t.code, j.service_id
     FROM tickets t CROSS JOIN journal j
     WHERE t.office_id = ? AND t.service_day = ? AND j.ticket_id = t.id AND j.office_id = t.office_id AND j.kind IN ('ticket-called', 'ticket-recalled')
     ORDER BY j.seq DESC LIMIT ?`,
    [officeId, today, limit],
  );
  return rows.map((r) => ({
    ticketId: r.ticket_id,
    code: r.code,
    serviceId: r.service_id,
    counterId: r.counter_id,
    at: r.at,
    recall: r.kind === 'ticket-recalled',
    seq: r.seq,
  }));
}

export async function lastSeq(q: Queryable, officeId: OfficeId): Promise<number> {
  const row = await q.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM journal WHERE office_id = ?', [officeId]);
  return row?.seq ?? 0;
}

/** Null also for another office's ticket. */
export async function findTicket(db: Database, officeId: OfficeId, id: string): Promise<Ticket | null> {
  const row = await db.read.get<DataRow>('SELECT data FROM tickets WHERE id = ? AND office_id = ?', [id, officeId]);
  return row ? (JSON.parse(row.data) as Ticket) : null;
}
