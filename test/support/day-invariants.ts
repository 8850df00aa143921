// What every real day in a Talon database satisfies, checked by replaying its journal the way the
// engine moves tickets and counters (server/domain/counter-commands.ts, ticket-commands.ts,
// rollover.ts): a booth works only while open and only by the specialist who opened it, pauses and
// opens within the office's hours, a ticket moves only along the engine's transitions, nothing of a
// day happens after its end, and the tickets table holds what the journal says.
import type { LocalDate } from '../../common/protocol';
import type { QueueConfig } from '../../server/domain/state';
import { openPeriods, type Period } from '../../server/domain/schedule';
import { addDays, clockToMinutes, localDate, zonedToEpoch } from '../../common/time/calendar';

export interface JournalRow {
  id: number;
  at: number;
  kind: string;
  ticket_id: string | null;
  counter_id: string | null;
  service_id: string | null;
  actor: string;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
}

export interface TicketRow {
  id: string;
  issued_service_id: string;
  service_id: string;
  service_day: LocalDate;
  number: number;
  code: string;
  status: string;
  outcome: string | null;
  issued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
}

export type Rule = 'hours' | 'counter-state' | 'booth-work' | 'ticket-state' | 'day-end' | 'ticket-row' | 'numbering';

export interface Problem {
  rule: Rule;
  at: number;
  what: string;
}

interface Booth {
  status: 'closed' | 'open' | 'paused';
  operator: string | null;
  ticketId: string | null;
  openedAt: number;
  pauses: { start: number; end: number | null; reason: string | null }[];
}

interface Live {
  status: string;
  serviceId: string;
  counterId: string | null;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  outcome: string | null;
}

/** A booth's stretch of one day from opening to closing, with its pauses: what the break check reads. */
export interface BoothDay {
  counterId: string;
  date: LocalDate;
  opened: number;
  closed: number;
  pauses: { start: number; end: number; reason: string | null }[];
}

export interface Replay {
  problems: Problem[];
  boothDays: BoothDay[];
}

/** The pauses a booth's configuration and the office's hours call for on a date, within its stretch. */
export function plannedPauses(config: QueueConfig, day: BoothDay): { start: number; end: number; reason: string }[] {
  const { timeZone, schedule } = config.office;
  const periods = openPeriods(schedule, day.date, timeZone);
  const officeBreaks = periods.slice(1).map((p, i) => ({ start: periods[i]!.end, end: p.start, reason: 'lunch' }));
  const planned = (config.counters.get(day.counterId)?.plannedBreaks ?? [])
    .map((b) => ({ start: zonedToEpoch(day.date, clockToMinutes(b.start), timeZone), end: zonedToEpoch(day.date, clockToMinutes(b.end), timeZone), reason: b.kind as string }))
    .filter((b) => periods.some((p) => p.start <= b.start && b.end <= p.end));
  return [...officeBreaks, ...planned].filter((b) => day.opened < b.start && b.end < day.closed).sort((a, b) => a.start - b.start);
}

const within = (periods: readonly Period[], at: number, inclusiveEnd: boolean) =>
  periods.some((p) => p.start <= at && (inclusiveEnd ? at <= p.end : at < p.end));

/** `staff` maps user ids to roles: booths are worked by operators, walk-outs removed by any staff. */
export function replayJournal(config: QueueConfig, rows: readonly JournalRow[], ticketRows: readonly TicketRow[], staff: ReadonlyMap<string, string>): Replay {
  const { timeZone, schedule } = config.office;
  const problems: Problem[] = [];
  const boothDays: BoothDay[] = [];
  const fail = (rule: Rule, at: number, what: string) => problems.push({ rule, at, what: `${new Date(at).toISOString()} ${what}` });
  const periodsOf = new Map<LocalDate, Period[]>();
  const periodsOn = (date: LocalDate) => {
    let periods = periodsOf.get(date);
    if (!periods) periodsOf.set(date, (periods = openPeriods(schedule, date, timeZone)));
    return periods;
  };
  const facts = new Map(ticketRows.map((t) => [t.id, t]));
  const tickets = new Map<string, Live>();
  const booths = new Map<string, Booth>();
  const boothOf = (id: string) => {
    let booth = booths.get(id);
    if (!booth) booths.set(id, (booth = { status: 'closed', operator: null, ticketId: null, openedAt: 0, pauses: [] }));
    return booth;
  };
  /** When each service day's end was journalled: after it, nothing more of that day. */
  const dayEndedAt = new Map<LocalDate, number>();

  for (const row of [...rows].sort((a, b) => a.at - b.at || a.id - b.id)) {
    const date = localDate(row.at, timeZone);
    if (row.kind.startsWith('counter-')) {
      const booth = boothOf(row.counter_id ?? '');
      const periods = periodsOn(date);
      const label = `${row.kind} at ${row.counter_id}`;
      if (row.from_state !== booth.status) fail('counter-state', row.at, `${label} from ${row.from_state} but the booth was ${booth.status}`);
      const inHours = row.kind === 'counter-closed' || row.kind === 'counter-resumed' ? within(periods, row.at, true) : within(periods, row.at, false);
      if (!inHours) fail('hours', row.at, `${label} outside the office's hours of ${date}`);
      if (row.note === 'service day ended') fail('day-end', row.at, `${label} left open until the rollover`);
      if (row.kind !== 'counter-opened' && row.actor !== `user:${booth.operator}`) fail('booth-work', row.at, `${label} by ${row.actor}, not ${booth.operator}`);
      switch (row.kind) {
        case 'counter-opened':
          if (booth.status !== 'closed') fail('counter-state', row.at, `${label} while ${booth.status}`);
          Object.assign(booth, { status: 'open', operator: row.actor.replace(/^user:/, ''), openedAt: row.at, pauses: [] });
          break;
        case 'counter-paused':
          if (booth.status !== 'open' || booth.ticketId) fail('counter-state', row.at, `${label} while ${booth.status} holding ${booth.ticketId}`);
          booth.status = 'paused';
          booth.pauses.push({ start: row.at, end: null, reason: row.note });
          break;
        case 'counter-resumed':
          if (booth.status !== 'paused') fail('counter-state', row.at, `${label} while ${booth.status}`);
          booth.status = 'open';
          booth.pauses.at(-1)!.end = row.at;
          break;
        case 'counter-closed':
          if (booth.status === 'closed' || booth.ticketId) fail('counter-state', row.at, `${label} while ${booth.status} holding ${booth.ticketId}`);
          boothDays.push({
            counterId: row.counter_id ?? '',
            date,
            opened: booth.openedAt,
            closed: row.at,
            pauses: booth.pauses.map((p) => ({ start: p.start, end: p.end ?? row.at, reason: p.reason })),
          });
          Object.assign(booth, { status: 'closed', operator: null });
          break;
        default:
          fail('counter-state', row.at, `unknown counter event ${row.kind}`);
      }
      continue;
    }
    const ticketId = row.ticket_id ?? '';
    const fact = facts.get(ticketId);
    if (!fact) {
      fail('ticket-state', row.at, `${row.kind} of an unknown ticket ${ticketId}`);
      continue;
    }
    const label = `${row.kind} of ${fact.code} (${fact.service_day})`;
    const ended = dayEndedAt.get(fact.service_day);
    if (ended !== undefined && row.at > ended && row.to_state !== 'day-ended') fail('day-end', row.at, `${label} after the end of its day`);
    if (row.kind === 'ticket-issued') {
      const periods = periodsOn(fact.service_day);
      const closing = periods.at(-1)?.end ?? 0;
      if (!within(periods, row.at, false) || row.at >= closing - schedule.cutoffMinutes * 60_000) fail('hours', row.at, `${label} while the office was not issuing`);
      if (tickets.has(ticketId)) fail('ticket-state', row.at, `${label} twice`);
      tickets.set(ticketId, { status: 'waiting', serviceId: fact.issued_service_id, counterId: null, issuedAt: row.at, calledAt: null, startedAt: null, finishedAt: null, outcome: null });
      continue;
    }
    const ticket = tickets.get(ticketId);
    if (!ticket) {
      fail('ticket-state', row.at, `${label} before it was issued`);
      continue;
    }
    if (row.from_state !== (row.kind === 'ticket-transferred' ? ticket.serviceId : ticket.status)) {
      fail('ticket-state', row.at, `${label} from ${row.from_state} but the ticket was ${ticket.status} in ${ticket.serviceId}`);
    }
    const atBooth = row.counter_id !== null;
    if (atBooth) {
      // The engine's workingBooth: open (not paused, not closed), worked by the one who opened it.
      const booth = boothOf(row.counter_id!);
      if (booth.status !== 'open') fail('booth-work', row.at, `${label} at ${row.counter_id} while it was ${booth.status}`);
      if (row.actor !== `user:${booth.operator}` || staff.get(booth.operator ?? '') !== 'operator') fail('booth-work', row.at, `${label} by ${row.actor} at a booth opened by ${booth.operator}`);
      const holds = booth.ticketId === ticketId;
      if (row.kind === 'ticket-called') {
        if (booth.ticketId) fail('booth-work', row.at, `${label} while ${row.counter_id} still held ${booth.ticketId}`);
        const serves = config.counters.get(row.counter_id!)?.services.some((s) => s.serviceId === ticket.serviceId);
        if (!serves) fail('booth-work', row.at, `${label}: ${row.counter_id} does not serve ${ticket.serviceId}`);
        booth.ticketId = ticketId;
      } else if (!holds) fail('booth-work', row.at, `${label} at ${row.counter_id}, which does not hold it`);
      if (row.kind === 'ticket-finished' || row.kind === 'ticket-transferred') booth.ticketId = null;
    }
    switch (row.kind) {
      case 'ticket-called':
        if (ticket.status !== 'waiting' || !atBooth) fail('ticket-state', row.at, `${label} while ${ticket.status}`);
        Object.assign(ticket, { status: 'called', counterId: row.counter_id, calledAt: row.at, startedAt: null });
        break;
      case 'ticket-recalled':
        if (ticket.status !== 'called') fail('ticket-state', row.at, `${label} while ${ticket.status}`);
        ticket.calledAt = row.at;
        break;
      case 'ticket-started':
        if (ticket.status !== 'called') fail('ticket-state', row.at, `${label} while ${ticket.status}`);
        Object.assign(ticket, { status: 'serving', startedAt: row.at });
        break;
      case 'ticket-transferred':
        if (ticket.status !== 'called' && ticket.status !== 'serving') fail('ticket-state', row.at, `${label} while ${ticket.status}`);
        if (row.service_id !== row.to_state) fail('ticket-state', row.at, `${label} journalled under ${row.service_id}, not its new service ${row.to_state}`);
        Object.assign(ticket, { status: 'waiting', serviceId: row.to_state, counterId: null });
        break;
      case 'ticket-finished': {
        const outcome = row.to_state ?? '';
        const allowed = atBooth ? (outcome === 'served' ? ['called', 'serving'] : outcome === 'no-show' ? ['called'] : []) : ['waiting'];
        if (!allowed.includes(ticket.status)) fail('ticket-state', row.at, `${label} as ${outcome} while ${ticket.status}`);
        if (outcome === 'day-ended') {
          const midnight = zonedToEpoch(addDays(fact.service_day, 1), 0, timeZone);
          if (row.actor !== 'system' || row.at < midnight) fail('day-end', row.at, `${label} by ${row.actor} before the rollover after midnight`);
          const open = [...booths].filter(([, b]) => b.status !== 'closed').map(([id]) => id);
          if (open.length > 0) fail('day-end', row.at, `${label} while ${open.join(', ')} still open`);
          if (!dayEndedAt.has(fact.service_day)) dayEndedAt.set(fact.service_day, row.at);
        } else if (outcome === 'cancelled' && !staff.has(row.actor.replace(/^user:/, ''))) fail('ticket-state', row.at, `${label} by ${row.actor}, who is not on the staff`);
        Object.assign(ticket, { status: 'finished', outcome, finishedAt: row.at, ...(atBooth ? { counterId: row.counter_id } : {}) });
        break;
      }
      default:
        fail('ticket-state', row.at, `unknown ticket event ${row.kind}`);
    }
  }
  for (const [id, booth] of booths) if (booth.status !== 'closed') fail('counter-state', booth.openedAt, `${id} never closed`);
  checkTicketRows(ticketRows, tickets, fail);
  checkNumbering(config, ticketRows, fail);
  return { problems, boothDays };
}

/** The tickets table agrees with the journal, and call ≤ start ≤ finish. */
function checkTicketRows(ticketRows: readonly TicketRow[], live: ReadonlyMap<string, Live>, fail: (rule: Rule, at: number, what: string) => void): void {
  for (const row of ticketRows) {
    const replayed = live.get(row.id);
    if (!replayed) {
      fail('ticket-row', row.issued_at, `${row.code} (${row.service_day}) has no journal`);
      continue;
    }
    const stored = { status: row.status, outcome: row.outcome, serviceId: row.service_id, counterId: row.counter_id, issuedAt: row.issued_at, calledAt: row.called_at, startedAt: row.started_at, finishedAt: row.finished_at };
    const expected = { status: replayed.status, outcome: replayed.outcome, serviceId: replayed.serviceId, counterId: replayed.counterId, issuedAt: replayed.issuedAt, calledAt: replayed.calledAt, startedAt: replayed.startedAt, finishedAt: replayed.finishedAt };
    if (JSON.stringify(stored) !== JSON.stringify(expected)) fail('ticket-row', row.issued_at, `${row.code} (${row.service_day}) stored ${JSON.stringify(stored)}, journal says ${JSON.stringify(expected)}`);
    if (row.status !== 'finished') fail('ticket-row', row.issued_at, `${row.code} (${row.service_day}) never finished`);
    const steps = [row.issued_at, row.called_at, row.started_at, row.finished_at].filter((t): t is number => t !== null);
    if (steps.some((t, i) => i > 0 && t < steps[i - 1]!)) fail('ticket-row', row.issued_at, `${row.code} (${row.service_day}) out of order: ${steps.join(' ')}`);
  }
}

/** Each service's numbers run from its start number, one per ticket, every day anew. */
function checkNumbering(config: QueueConfig, ticketRows: readonly TicketRow[], fail: (rule: Rule, at: number, what: string) => void): void {
  const byQueue = new Map<string, TicketRow[]>();
  for (const row of ticketRows) {
    const key = `${row.service_day} ${row.issued_service_id}`;
    byQueue.set(key, [...(byQueue.get(key) ?? []), row]);
  }
  for (const [key, queue] of byQueue) {
    const service = config.services.get(queue[0]!.issued_service_id);
    const sorted = [...queue].sort((a, b) => a.issued_at - b.issued_at || a.number - b.number);
    sorted.forEach((row, i) => {
      const number = (service?.startNumber ?? 100) + i;
      if (row.number !== number || row.code !== `${service?.prefix}${number}`) fail('numbering', row.issued_at, `${key}: ${row.code} where ${service?.prefix}${number} was due`);
    });
  }
}
