// Builders for tests of the pure queue domain: an office open around the clock in a chosen time
// zone, a few services and counters, a clock the test moves by hand, deterministic ids, and a desk
// that runs commands the way the engine does (day rollover first, only successful outcomes adopted).
import type { Actor, CommandInput, Counter, Office, PauseReason, QueueRules, Service, ServiceWeight, Ticket } from '../../common/protocol';
import {
  callNext,
  callSpecific,
  closeCounter,
  finishService,
  noShow,
  openCounter,
  pauseCounter,
  recall,
  resumeCounter,
  returnToQueue,
  startService,
  transfer,
  type CounterOutcome,
} from '../../server/domain/counter-commands';
import type { Outcome } from '../../server/domain/outcome';
import { rollover } from '../../server/domain/rollover';
import { cancelTicket, grantCategory, issueTicket, type IssueRequest } from '../../server/domain/ticket-commands';
import { emptyState, type Change, type CommandContext, type QueueConfig, type QueueState } from '../../server/domain/state';
import { zonedToEpoch } from '../../common/time/calendar';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const OPERATOR: Actor = { kind: 'user', id: 'op-1', role: 'operator' };
export const OTHER_OPERATOR: Actor = { kind: 'user', id: 'op-2', role: 'operator' };
export const ADMIN: Actor = { kind: 'user', id: 'admin-1', role: 'admin' };
export const KIOSK: Actor = { kind: 'device', id: 'kiosk-1', deviceKind: 'kiosk' };

export function makeService(id: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    name: { en: `Service ${id}` },
    prefix: id,
    startNumber: 100,
    endNumber: 999,
    dailyLimit: null,
    targetWaitMinutes: 15,
    bookedTargetWaitMinutes: 5,
    maxWaitMinutes: 60,
    expectedServiceMinutes: 10,
    kioskOrder: 0,
    group: null,
    active: true,
    ...overrides,
  };
}

export function makeCounter(id: string, number: number, services: [serviceId: string, weight: ServiceWeight][]): Counter {
  return {
    id,
    number,
    name: { en: `Window ${number}` },
    services: services.map(([serviceId, weight]) => ({ serviceId, weight })),
    zone: 'hall',
    active: true,
    plannedBreaks: [],
  };
}

export const DEFAULT_RULES: QueueRules = {
  recallLimit: 2,
  postponeMinutes: 10,
  priorityRatio: null,
  appointmentLeadMinutes: 5,
};

export interface ConfigOptions {
  timeZone?: string;
  rules?: Partial<QueueRules>;
  services?: Service[];
  counters?: Counter[];
}

/**
 * Services A and B; counter c1 serves A first and B second, c2 serves B only, c3 serves both
 * equally. Out-of-turn category 'disability'.
 */
export function makeConfig(options: ConfigOptions = {}): QueueConfig {
  const services = options.services ?? [makeService('A'), makeService('B')];
  const counters = options.counters ?? [
    makeCounter('c1', 1, [
      ['A', 'main'],
      ['B', 'secondary'],
    ]),
    makeCounter('c2', 2, [['B', 'main']]),
    makeCounter('c3', 3, [
      ['A', 'main'],
      ['B', 'main'],
    ]),
  ];
  const office: Office = {
    name: { en: 'Test office' },
    address: { en: '1 Test street' },
    phones: [],
    timeZone: options.timeZone ?? 'Europe/Minsk',
    languages: ['en'],
    defaultLanguage: 'en',
    // Open all day every day, so a test's clock never runs into closing hours.
    schedule: {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: { open: '00:00', close: '24:00', breaks: [] } })),
      holidays: [],
      exceptions: [],
      cutoffMinutes: 0,
    },
    rules: { ...DEFAULT_RULES, ...options.rules },
    categories: [{ id: 'disability', name: { en: 'Disability group I/II' } }],
    announcements: { templates: {}, voicePack: null, serverSpeakers: false },
    ticketLayout: { footer: {}, show: { address: true, peopleAhead: true, expectedWait: true, phones: true, qrCode: true }, logo: false },
    printing: { jobExpiryMinutes: 3 },
  };
  return {
    office,
    services: new Map(services.map((s) => [s.id, s])),
    counters: new Map(counters.map((c) => [c.id, c])),
  };
}

/** Ids 't1', 't2', … in order, so a test can name the tickets it issued. */
export function sequentialIds(prefix = 't'): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}

export class ManualClock {
  constructor(public now: number) {}

  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }

  advanceMinutes(minutes: number): number {
    return this.advance(minutes * MINUTE);
  }

  /** Moves to a wall-clock time in the office's zone. */
  setLocal(date: string, time: string, timeZone: string): number {
    this.now = zonedToEpoch(date, time, timeZone);
    return this.now;
  }
}

export type DomainCommand<T> = (state: QueueState, config: QueueConfig, ctx: CommandContext) => Outcome<T>;

/** Runs domain commands like the engine: rollover first, then the command; a refusal leaves the state alone. */
export class Desk {
  state: QueueState = emptyState();
  /** Every change of every adopted outcome, rollovers included, in order. */
  readonly journal: Change[] = [];
  readonly clock: ManualClock;
  readonly newId = sequentialIds();

  constructor(
    readonly config: QueueConfig,
    start: number,
  ) {
    this.clock = new ManualClock(start);
  }

  run<T>(command: DomainCommand<T>, actor: Actor = OPERATOR): Outcome<T> {
    const now = this.clock.now;
    this.adopt(rollover(this.state, this.config, now));
    const ctx: CommandContext = { now, actor, actorName: actor.kind === 'user' ? `Name of ${actor.id}` : undefined, newId: this.newId };
    const outcome = command(this.state, this.config, ctx);
    this.adopt(outcome);
    return outcome;
  }

  /** Runs a command that the test expects to succeed, and returns its value. */
  must<T>(command: DomainCommand<T>, actor: Actor = OPERATOR): T {
    const outcome = this.run(command, actor);
    if (!outcome.ok) throw new Error(`Expected success, got ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  }

  private adopt(outcome: Outcome<unknown>): void {
    if (!outcome.ok) return;
    this.state = outcome.state;
    this.journal.push(...outcome.changes);
  }
}

// One builder per domain command, so a test reads as the story it tells.
type AtCounter = DomainCommand<CounterOutcome>;

export const issue =
  (serviceId: string, extra: Partial<IssueRequest> = {}): DomainCommand<Ticket> =>
  (s, c, x) =>
    issueTicket(s, c, { serviceId, source: 'kiosk', ...extra }, x);
export const grant =
  (ticketId: string, categoryId = 'disability'): DomainCommand<Ticket> =>
  (s, c, x) =>
    grantCategory(s, c, { ticketId, categoryId, reason: 'certificate shown' }, x);
export const cancel =
  (ticketId: string): DomainCommand<Ticket> =>
  (s, _c, x) =>
    cancelTicket(s, { ticketId }, x);

export const openAt = (counterId: string): AtCounter => (s, c, x) => openCounter(s, c, { counterId }, x);
export const closeAt = (counterId: string): AtCounter => (s, c, x) => closeCounter(s, c, { counterId }, x);
export const pauseAt =
  (counterId: string, reason: PauseReason = 'lunch', minutes?: number): AtCounter =>
  (s, c, x) =>
    pauseCounter(s, c, { counterId, reason, note: '', ...(minutes === undefined ? {} : { minutes }) }, x);
export const resumeAt = (counterId: string): AtCounter => (s, c, x) => resumeCounter(s, c, { counterId }, x);
export const callNextAt = (counterId: string): AtCounter => (s, c, x) => callNext(s, c, { counterId }, x);
export const callTicketAt =
  (counterId: string, ticketId: string): AtCounter =>
  (s, c, x) =>
    callSpecific(s, c, { counterId, ticketId }, x);
export const recallAt = (counterId: string): AtCounter => (s, c, x) => recall(s, c, { counterId }, x);
export const startAt = (counterId: string): AtCounter => (s, c, x) => startService(s, c, { counterId }, x);
export const finishAt = (counterId: string): AtCounter => (s, c, x) => finishService(s, c, { counterId }, x);
export const noShowAt = (counterId: string): AtCounter => (s, c, x) => noShow(s, c, { counterId }, x);
export const returnAt =
  (counterId: string, mode: 'keep-place' | 'postpone', minutes?: number): AtCounter =>
  (s, c, x) =>
    returnToQueue(s, c, { counterId, mode, ...(minutes === undefined ? {} : { minutes }) }, x);
export const transferAt =
  (counterId: string, to: Partial<Omit<CommandInput<'counter:transfer'>, 'counterId'>>): AtCounter =>
  (s, c, x) =>
    transfer(s, c, { comment: '', returnAfter: false, ...to, counterId }, x);
