// Random days at the office: sequences of commands with the clock jumping ahead (sometimes past
// midnight) are applied the way the engine applies them, and the queue's invariants are checked
// after every step.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type Actor, type QueueRules, type Ticket } from '../../common/protocol';
import { byRank, candidateAt } from '../../server/domain/call-order';
import { recentServiceMinutes, workAhead, workingBooths } from '../../server/domain/estimates';
import type { Outcome } from '../../server/domain/outcome';
import { countInLine, type QueueConfig, type QueueState } from '../../server/domain/state';
import { localDate, zonedToEpoch } from '../../common/time/calendar';
import {
  ADMIN,
  callNextAt,
  callTicketAt,
  cancel,
  closeAt,
  Desk,
  finishAt,
  grant,
  HOUR,
  issue,
  KIOSK,
  makeConfig,
  makeService,
  MINUTE,
  noShowAt,
  openAt,
  OPERATOR,
  OTHER_OPERATOR,
  pauseAt,
  recallAt,
  resumeAt,
  returnAt,
  startAt,
  transferAt,
  type DomainCommand,
} from '../support/domain-fixtures';

const SERVICES = ['A', 'B'] as const;
const COUNTERS = ['c1', 'c2', 'c3'] as const;
const ACTORS: Actor[] = [OPERATOR, OTHER_OPERATOR, ADMIN];

type Op =
  | { kind: 'issue'; serviceId: string }
  | { kind: 'grant' | 'cancel'; pick: number }
  | { kind: 'open' | 'close' | 'pause' | 'resume' | 'call-next' | 'recall' | 'start' | 'finish' | 'no-show'; counterId: string }
  | { kind: 'call-ticket'; counterId: string; pick: number }
  | { kind: 'return'; counterId: string; mode: 'keep-place' | 'postpone'; minutes: number | undefined }
  | { kind: 'transfer'; counterId: string; toServiceId?: string; toCounterId?: string; returnAfter: boolean };

interface Step {
  advanceMs: number;
  actor: Actor;
  op: Op;
}

const serviceId = fc.constantFrom(...SERVICES);
const counterId = fc.constantFrom(...COUNTERS);
const pick = fc.nat(50);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), serviceId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('grant' as const, 'cancel' as const), pick }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constantFrom('open' as const, 'close' as const, 'pause' as const, 'resume' as const), counterId }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constantFrom('call-next' as const, 'recall' as const, 'start' as const, 'finish' as const, 'no-show' as const),
      counterId,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('call-ticket' as const), counterId, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      counterId,
      mode: fc.constantFrom('keep-place' as const, 'postpone' as const),
      minutes: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.record({ kind: fc.constant('transfer' as const), counterId, toServiceId: serviceId, returnAfter: fc.boolean() }),
      fc.record({ kind: fc.constant('transfer' as const), counterId, toCounterId: counterId, returnAfter: fc.boolean() }),
    ),
  },
);

const advanceArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 20 * MINUTE }) },
  // Now and then a long gap: lunch, the evening, the night, a whole day.
  { weight: 1, arbitrary: fc.integer({ min: 2 * HOUR, max: 30 * HOUR }) },
);

// fast-check keeps arrays short by default; a day at the office needs long runs of commands.
const stepArb: fc.Arbitrary<Step> = fc.record({
  advanceMs: advanceArb,
  actor: fc.oneof({ weight: 6, arbitrary: fc.constant(OPERATOR) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) }),
  op: opArb,
});

interface Scenario {
  timeZone: string;
  /** Local wall-clock start: a few hours before a midnight, in Berlin before a daylight-saving change. */
  start: [date: string, time: string];
  rules: Partial<QueueRules>;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  place: fc.constantFrom(
    { timeZone: 'Asia/Irkutsk', start: ['2025-03-10', '20:00'] as [string, string] },
    { timeZone: 'Europe/Berlin', start: ['2025-03-29', '21:00'] as [string, string] },
    { timeZone: 'Europe/Berlin', start: ['2025-10-25', '21:00'] as [string, string] },
  ),
  recallLimit: fc.integer({ min: 0, max: 2 }),
  priorityRatio: fc.constantFrom(null, { normal: 2, priority: 1 }, { normal: 1, priority: 1 }),
}).map(({ place, recallLimit, priorityRatio }) => ({ ...place, rules: { recallLimit, priorityRatio } }));

function configFor(scenario: Scenario): QueueConfig {
  return makeConfig({
    timeZone: scenario.timeZone,
    rules: scenario.rules,
    // Small number ranges and limits, so exhaustion and the daily limit happen in a run too.
    services: [makeService('A', { endNumber: 130, maxWaitMinutes: 45 }), makeService('B', { startNumber: 500, dailyLimit: 15, maxWaitMinutes: 20 })],
  });
}

function commandFor(op: Op, ticketIds: readonly string[]): DomainCommand<unknown> {
  const ticketAt = (index: number) => ticketIds[index % Math.max(1, ticketIds.length)] ?? 'no-such-ticket';
  switch (op.kind) {
    case 'issue':
      return issue(op.serviceId);
    case 'grant':
      return grant(ticketAt(op.pick));
    case 'cancel':
      return cancel(ticketAt(op.pick));
    case 'open':
      return openAt(op.counterId);
    case 'close':
      return closeAt(op.counterId);
    case 'pause':
      return pauseAt(op.counterId);
    case 'resume':
      return resumeAt(op.counterId);
    case 'call-next':
      return callNextAt(op.counterId);
    case 'recall':
      return recallAt(op.counterId);
    case 'start':
      return startAt(op.counterId);
    case 'finish':
      return finishAt(op.counterId);
    case 'no-show':
      return noShowAt(op.counterId);
    case 'call-ticket':
      return callTicketAt(op.counterId, ticketAt(op.pick));
    case 'return':
      return returnAt(op.counterId, op.mode, op.minutes);
    case 'transfer':
      return transferAt(op.counterId, { toServiceId: op.toServiceId, toCounterId: op.toCounterId, comment: 'moved', returnAfter: op.returnAfter });
  }
}

/** Checked after every step of many runs: cheaper than `expect`, which adds up at this volume. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** What the test remembers of the run, independently of the domain's own state. */
class History {
  readonly issuedIn = new Map<string, string>();
  readonly numbersTaken = new Set<string>();
  readonly issuedPerDay = new Map<string, number>();
  readonly finishes = new Map<string, number>();
  readonly ticketIds: string[] = [];
  journalSeen = 0;
}

/** (a) unique numbers per (service where issued, service day), counted from the start number. */
function recordIssued(history: History, config: QueueConfig, ticket: Ticket, now: number): void {
  const service = config.services.get(ticket.serviceId);
  check(ticket.serviceDay === localDate(now, config.office.timeZone), `${ticket.id} is dated ${ticket.serviceDay}`);
  const day = `${ticket.serviceId}|${ticket.serviceDay}`;
  const key = `${day}|${ticket.number}`;
  check(!history.numbersTaken.has(key), `number ${key} issued twice`);
  const before = history.issuedPerDay.get(day) ?? 0;
  check(ticket.number === (service?.startNumber ?? NaN) + before, `${ticket.code} should be number ${before + 1} of ${day}`);
  history.numbersTaken.add(key);
  history.issuedPerDay.set(day, before + 1);
  history.issuedIn.set(ticket.id, ticket.serviceId);
  history.ticketIds.push(ticket.id);
}

function readJournal(history: History, desk: Desk): void {
  for (const change of desk.journal.slice(history.journalSeen)) {
    if (change.kind === 'ticket-issued' && change.ticket) recordIssued(history, desk.config, change.ticket, desk.clock.now);
    if (change.kind === 'ticket-finished' && change.ticketId) {
      history.finishes.set(change.ticketId, (history.finishes.get(change.ticketId) ?? 0) + 1);
    }
  }
  history.journalSeen = desk.journal.length;
}

/** (b) one holder per ticket, and every holder points at a ticket it really holds. */
function checkCounters(state: QueueState): void {
  const held = new Set<string>();
  for (const counter of state.counters.values()) {
    if (counter.ticketId === null) continue;
    check(!held.has(counter.ticketId), `ticket ${counter.ticketId} held by two counters`);
    held.add(counter.ticketId);
    check(counter.status === 'open', `${counter.counterId} is ${counter.status} but holds ${counter.ticketId}`);
    const ticket = state.tickets.get(counter.ticketId);
    check(ticket !== undefined, `${counter.counterId} points at a missing ticket ${counter.ticketId}`);
    check(ticket?.status === 'called' || ticket?.status === 'serving', `${counter.counterId} holds a ${ticket?.status} ticket`);
    check(ticket?.counterId === counter.counterId, `${counter.counterId} holds ${ticket?.id}, which says ${ticket?.counterId}`);
  }
  for (const ticket of state.tickets.values()) {
    const atCounter = ticket.status === 'called' || ticket.status === 'serving';
    check(!atCounter || held.has(ticket.id), `${ticket.id} is ${ticket.status} at no counter`);
  }
}

/** The state as plain data (its ticket map is a class, which structuredClone would not keep). */
function plain(state: QueueState): unknown {
  return { ...state, tickets: [...state.tickets.entries()] };
}

/** The line counts kept with the state agree with a count of the tickets themselves. */
function checkLineCounts(state: QueueState): void {
  const counted = countInLine(state.tickets.values());
  for (const service of new Set([...counted.keys(), ...state.inLine.keys()])) {
    check((state.inLine.get(service) ?? 0) === (counted.get(service) ?? 0), `line count of ${service} is ${state.inLine.get(service)}, tickets say ${counted.get(service)}`);
  }
}

/** (c) nothing lost, nothing finished twice, and only today's open tickets stay. */
function checkTicketsAccounted(history: History, state: QueueState, today: string): void {
  for (const id of history.ticketIds) {
    const finished = history.finishes.get(id) ?? 0;
    check(finished <= 1, `${id} finished ${finished} times`);
    check(state.tickets.has(id) !== (finished === 1), `${id} is both open and finished, or neither`);
  }
  for (const ticket of state.tickets.values()) {
    check(history.issuedIn.has(ticket.id), `${ticket.id} was never issued`);
    check(ticket.status !== 'finished', `finished ${ticket.id} is still in the state`);
    check(ticket.serviceDay === today, `${ticket.id} of ${ticket.serviceDay} outlived its day`);
  }
}

/** A waiting ticket call-next would class as "first in line" for its service, judged from scratch. */
function inLineFor(ticket: Ticket, config: QueueConfig, now: number): boolean {
  const maxWait = config.services.get(ticket.serviceId)?.maxWaitMinutes ?? Infinity;
  const waited = Math.floor((now - ticket.issuedAt) / MINUTE);
  return ticket.status === 'waiting' && ticket.assignedCounterId === null && ticket.priority.kind === 'normal' && waited <= maxWait;
}

/** (d) a first-in-line call skips nobody of its own service and class who was issued earlier. */
function checkFirstComeFirstServed(before: QueueState, config: QueueConfig, called: Ticket, now: number): void {
  if (called.callReason?.kind !== 'first-in-line') return;
  for (const other of before.tickets.values()) {
    if (other.id === called.id || other.serviceId !== called.serviceId || !inLineFor(other, config, now)) continue;
    check(other.issuedAt >= called.issuedAt, `${other.id} was issued before ${called.id} and skipped`);
  }
}

/** (e) a refusal is a typed error with no state and no changes, and nothing was mutated. */
/** The wait estimate ranks ordinary tickets by a shortcut; it must agree with the call order itself. */
function checkWorkAhead(state: QueueState, config: QueueConfig, now: number): void {
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    const booths = workingBooths(state, config, ticket, now);
    const calledFirst = [...state.tickets.values()].filter(
      (other) =>
        other.id !== ticket.id &&
        booths.some((booth) => {
          const place = candidateAt(other, config, booth.counter, now);
          return place !== null && byRank(place, booth.place) < 0;
        }),
    );
    const expected = calledFirst.reduce((sum, other) => sum + recentServiceMinutes(state, config, other.serviceId), 0);
    const work = workAhead(state, config, ticket, booths, now);
    check(Math.abs(work - expected) < 1e-9, `work ahead of ${ticket.id} is ${work}, the call order says ${expected}`);
  }
}

function checkRefusal(outcome: Outcome<unknown>, desk: Desk, before: QueueState): void {
  if (outcome.ok) return;
  check(ERROR_CODES.includes(outcome.error.code), `untyped error ${outcome.error.code}`);
  check(!('changes' in outcome) && !('state' in outcome), `refusal ${outcome.error.code} carries changes or a state`);
  check(desk.state === before, 'a refusal replaced the state');
}

function runDay(scenario: Scenario, steps: Step[]): void {
  const config = configFor(scenario);
  const desk = new Desk(config, zonedToEpoch(scenario.start[0], scenario.start[1], scenario.timeZone));
  const history = new History();
  for (const step of steps) {
    desk.clock.advance(step.advanceMs);
    const command = commandFor(step.op, history.ticketIds);
    let before: QueueState | undefined;
    let untouched: unknown;
    const outcome = desk.run(
      (state, cfg, ctx) => {
        before = state;
        untouched = structuredClone(plain(state));
        return command(state, cfg, ctx);
      },
      step.op.kind === 'issue' ? KIOSK : step.actor,
    );
    if (!before || !untouched) throw new Error('the desk did not run the command');
    // The domain is pure: whatever the outcome, the state it was given is as it was.
    check(isDeepStrictEqual(plain(before), untouched), `${step.op.kind} mutated the state it was given`);
    checkRefusal(outcome, desk, before);
    readJournal(history, desk);
    checkCounters(desk.state);
    checkLineCounts(desk.state);
    checkTicketsAccounted(history, desk.state, localDate(desk.clock.now, config.office.timeZone));
    checkWorkAhead(desk.state, config, desk.clock.now);
    if (outcome.ok && (step.op.kind === 'call-next' || step.op.kind === 'call-ticket')) {
      const called = (outcome.value as { ticket: Ticket | null }).ticket;
      check(called?.status === 'called' && called.callReason !== null, `${step.op.kind} called without a reason`);
      if (called && step.op.kind === 'call-next') checkFirstComeFirstServed(before, config, called, desk.clock.now);
    }
  }
}

describe('queue invariants under random commands', () => {
  it('hold after every step of random days at the office', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(stepArb, { minLength: 1, maxLength: 150, size: 'max' }), (scenario, steps) => runDay(scenario, steps)),
      { numRuns: 200 },
    );
  });

  it('the random days really reach calls, finishes, transfers and midnight', () => {
    // Guards the property above against passing because every command was refused.
    const reached = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, fc.array(stepArb, { minLength: 60, maxLength: 150, size: 'max' }), (scenario, steps) => {
        const desk = new Desk(configFor(scenario), zonedToEpoch(scenario.start[0], scenario.start[1], scenario.timeZone));
        const ids: string[] = [];
        for (const step of steps) {
          desk.clock.advance(step.advanceMs);
          const outcome = desk.run(commandFor(step.op, ids), step.op.kind === 'issue' ? KIOSK : step.actor);
          if (outcome.ok && step.op.kind === 'issue') ids.push((outcome.value as Ticket).id);
        }
        for (const change of desk.journal) reached.add(change.kind === 'ticket-finished' ? `finished:${change.to}` : change.kind);
      }),
      { numRuns: 50, seed: 1 },
    );
    for (const kind of ['ticket-called', 'ticket-transferred', 'ticket-postponed', 'finished:served', 'finished:no-show', 'finished:day-ended']) {
      expect(reached).toContain(kind);
    }
  });
});
