// What a specialist does at a booth. A counter holds at most one called or serving ticket; every
// action checks the ticket's state first, so a double press or a race never skips or duplicates a
// visitor, and a refused action changes nothing.
import type { CommandInput, Counter, CounterState, Ticket } from '../../common/protocol';
import { chooseNext, isCallable, nextStreak, rankCandidates } from './call-order';
import { domainError } from './errors';
import { failure, success, type Outcome } from './outcome';
import { plannedReturn } from './pause-return';
import {
  counterStateOf,
  SERVICE_DURATIONS_KEPT,
  withCounter,
  withTicket,
  type Change,
  type CommandContext,
  type QueueConfig,
  type QueueState,
} from './state';

export interface CounterOutcome {
  counter: CounterState;
  ticket: Ticket | null;
}

const MINUTE = 60_000;

interface Booth {
  counter: Counter;
  live: CounterState;
}

/**
 * The counter and its live state. A counter an admin switched off may still release what it holds
 * (finish, no-show, return, transfer, close) — a ticket must never be stuck — but not take more.
 */
function booth(state: QueueState, config: QueueConfig, counterId: string, now: number, use: 'work' | 'release' = 'work'): Outcome<Booth> {
  const counter = config.counters.get(counterId);
  if (!counter || (!counter.active && use === 'work')) return failure(domainError('not-found', `No counter ${counterId}`));
  return success(state, [], { counter, live: counterStateOf(state, counterId, now) });
}

/** A booth someone opened is theirs: another specialist may not work it (an admin may). */
function ownBooth(state: QueueState, config: QueueConfig, counterId: string, ctx: CommandContext, use: 'work' | 'release' = 'work'): Outcome<Booth> {
  const found = booth(state, config, counterId, ctx.now, use);
  if (!found.ok) return found;
  const { live } = found.value;
  const { actor } = ctx;
  if (live.status !== 'closed' && live.operatorId && actor.kind === 'user' && actor.role !== 'admin' && actor.id !== live.operatorId) {
    return failure(domainError('counter-taken', `Counter is open by ${live.operatorName ?? 'another specialist'}`));
  }
  return found;
}

function workingBooth(state: QueueState, config: QueueConfig, counterId: string, ctx: CommandContext, use: 'work' | 'release' = 'work'): Outcome<Booth> {
  const found = ownBooth(state, config, counterId, ctx, use);
  if (!found.ok) return found;
  const { live } = found.value;
  if (live.status === 'closed') return failure(domainError('counter-closed', 'Open the counter first'));
  if (live.status === 'paused') return failure(domainError('counter-paused', 'The counter is on a pause; resume it first'));
  return found;
}

/** The ticket the counter holds, in one of the allowed states. */
function heldTicket(state: QueueState, live: CounterState, allowed: Ticket['status'][]): Outcome<Ticket> {
  const ticket = live.ticketId ? state.tickets.get(live.ticketId) : undefined;
  if (!ticket) return failure(domainError('counter-idle', 'The counter holds no ticket'));
  if (!allowed.includes(ticket.status)) {
    return failure(domainError('ticket-not-at-counter', `Ticket ${ticket.code} is ${ticket.status}`));
  }
  return success(state, [], ticket);
}

function commit(state: QueueState, counter: CounterState, ticket: Ticket | null, changes: Change[]): Outcome<CounterOutcome> {
  let next = withCounter(state, counter);
  if (ticket) next = withTicket(next, ticket);
  const images = changes.map((c) => ({ ...c, counter, ...(ticket && c.ticketId === ticket.id ? { ticket } : {}) }));
  return success(next, images, { counter, ticket });
}

function counterChange(kind: Change['kind'], before: CounterState, after: CounterState, note?: string): Change {
  return { kind, counterId: after.counterId, from: before.status, to: after.status, ...(note ? { note } : {}) };
}

export function openCounter(state: QueueState, config: QueueConfig, input: CommandInput<'counter:open'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = booth(state, config, input.counterId, ctx.now);
  if (!found.ok) return found;
  const { live } = found.value;
  const operatorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  if (live.status !== 'closed' && live.operatorId !== null && live.operatorId !== operatorId) {
    return failure(domainError('counter-taken', `Counter is already open by ${live.operatorName ?? 'another specialist'}`));
  }
  if (live.status !== 'closed') return commit(state, live, null, []);
  const counter: CounterState = { ...live, status: 'open', operatorId, operatorName: ctx.actorName ?? null, pause: null, since: ctx.now };
  return commit(state, counter, null, [counterChange('counter-opened', live, counter)]);
}

export function closeCounter(state: QueueState, config: QueueConfig, input: CommandInput<'counter:close'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = ownBooth(state, config, input.counterId, ctx, 'release');
  if (!found.ok) return found;
  const { live } = found.value;
  if (live.ticketId) return failure(domainError('counter-busy', 'Finish the current visitor before closing', { ticketId: live.ticketId }));
  if (live.status === 'closed') return commit(state, live, null, []);
  const counter: CounterState = { ...live, status: 'closed', operatorId: null, operatorName: null, pause: null, since: ctx.now };
  return commit(state, counter, null, [counterChange('counter-closed', live, counter)]);
}

export function pauseCounter(state: QueueState, config: QueueConfig, input: CommandInput<'counter:pause'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const { live, counter: booth } = found.value;
  if (live.ticketId) return failure(domainError('counter-busy', 'Finish the current visitor before a pause', { ticketId: live.ticketId }));
  const until = plannedReturn(booth, input.reason, input.minutes, ctx.now, config.office.timeZone);
  const pause = { reason: input.reason, note: input.note, since: ctx.now, ...(until === null ? {} : { until }) };
  const counter: CounterState = { ...live, status: 'paused', pause, since: ctx.now };
  return commit(state, counter, null, [counterChange('counter-paused', live, counter, [input.reason, input.note].filter(Boolean).join(': '))]);
}

export function resumeCounter(state: QueueState, config: QueueConfig, input: CommandInput<'counter:resume'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = ownBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const { live } = found.value;
  if (live.status === 'closed') return failure(domainError('counter-closed', 'Open the counter first'));
  if (live.status === 'open') return commit(state, live, null, []);
  const counter: CounterState = { ...live, status: 'open', pause: null, since: ctx.now };
  return commit(state, counter, null, [counterChange('counter-resumed', live, counter)]);
}

function callTicketAt(state: QueueState, booth: Booth, ticket: Ticket, reason: Ticket['callReason'], isPriority: boolean, now: number): Outcome<CounterOutcome> {
  // Called, a phone ticket's visitor is here whether or not they said so: a later postponement must not wait for it again.
  const { awaitingArrival: _here, ...rest } = ticket;
  const called: Ticket = {
    ...rest,
    status: 'called',
    counterId: booth.counter.id,
    assignedCounterId: null,
    calledAt: now,
    startedAt: null,
    recalls: 0,
    callReason: reason,
    postponedUntil: null,
  };
  const counter: CounterState = { ...booth.live, ticketId: ticket.id, streak: nextStreak(booth.live.streak, isPriority) };
  return commit(state, counter, called, [
    { kind: 'ticket-called', ticketId: ticket.id, counterId: booth.counter.id, from: ticket.status, to: 'called', note: JSON.stringify(reason) },
  ]);
}

function idleBooth(state: QueueState, config: QueueConfig, counterId: string, ctx: CommandContext): Outcome<Booth> {
  const found = workingBooth(state, config, counterId, ctx);
  if (!found.ok) return found;
  const held = found.value.live.ticketId ? state.tickets.get(found.value.live.ticketId) : undefined;
  if (held) {
    // "Call next" while a visitor is still open asks what became of them first.
    return failure(domainError('counter-busy', `Ticket ${held.code} is still ${held.status} at this counter`, { ticketId: held.id }));
  }
  return found;
}

export function callNext(state: QueueState, config: QueueConfig, input: CommandInput<'counter:call-next'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = idleBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const next = chooseNext(state, config, found.value.counter, found.value.live, ctx.now);
  if (!next) return failure(domainError('queue-empty', 'Nobody is waiting for this counter'));
  return callTicketAt(state, found.value, next.ticket, next.reason, next.isPriority, ctx.now);
}

export function callSpecific(state: QueueState, config: QueueConfig, input: CommandInput<'counter:call-ticket'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = idleBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const ticket = state.tickets.get(input.ticketId);
  if (!ticket) return failure(domainError('not-found', `No open ticket ${input.ticketId} today`));
  if (ticket.status === 'postponed' && (ticket.postponedUntil ?? 0) > ctx.now) {
    return failure(domainError('not-due-yet', `Ticket ${ticket.code} is postponed until later`, { until: ticket.postponedUntil }));
  }
  if (ticket.status !== 'waiting' && ticket.status !== 'postponed') {
    return failure(domainError('ticket-not-waiting', `Ticket ${ticket.code} is ${ticket.status}`));
  }
  // The pool of postponed tickets is shared by every counter; a waiting ticket must be one this counter serves.
  const { counter } = found.value;
  if (ticket.status === 'waiting' && !isCallable(ticket, counter, ctx.now)) {
    return failure(domainError('counter-not-serving-service', `Counter ${counter.number} does not serve ticket ${ticket.code}`));
  }
  const ranked = rankCandidates(state, config, counter, ctx.now).find((c) => c.ticket.id === ticket.id);
  const reason = ticket.status === 'postponed' ? { kind: 'postponed-due' as const } : { kind: 'chosen' as const };
  return callTicketAt(state, found.value, ticket, reason, ranked?.isPriority ?? false, ctx.now);
}

function finishAt(live: CounterState, ticket: Ticket, outcome: 'served' | 'no-show', now: number, note?: string): { counter: CounterState; ticket: Ticket; change: Change } {
  const finished: Ticket = { ...ticket, status: 'finished', outcome, finishedAt: now, counterId: live.counterId };
  return {
    counter: { ...live, ticketId: null },
    ticket: finished,
    change: { kind: 'ticket-finished', ticketId: ticket.id, counterId: live.counterId, from: ticket.status, to: outcome, ...(note ? { note } : {}) },
  };
}

export function recall(state: QueueState, config: QueueConfig, input: CommandInput<'counter:recall'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called']);
  if (!held.ok) return held;
  const ticket = held.value;
  if (ticket.recalls >= config.office.rules.recallLimit) {
    const done = finishAt(found.value.live, ticket, 'no-show', ctx.now, `no answer after ${ticket.recalls} recalls`);
    return commit(state, done.counter, done.ticket, [done.change]);
  }
  const recalled: Ticket = { ...ticket, recalls: ticket.recalls + 1, calledAt: ctx.now };
  return commit(state, found.value.live, recalled, [
    { kind: 'ticket-recalled', ticketId: ticket.id, counterId: input.counterId, from: 'called', to: 'called', note: `recall ${recalled.recalls}` },
  ]);
}

export function startService(state: QueueState, config: QueueConfig, input: CommandInput<'counter:start'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx);
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called']);
  if (!held.ok) return held;
  const serving: Ticket = { ...held.value, status: 'serving', startedAt: ctx.now };
  return commit(state, found.value.live, serving, [
    { kind: 'ticket-started', ticketId: serving.id, counterId: input.counterId, from: 'called', to: 'serving' },
  ]);
}

function rememberDuration(state: QueueState, serviceId: string, durationMs: number): QueueState {
  const recent = [...(state.serviceDurations.get(serviceId) ?? []), durationMs].slice(-SERVICE_DURATIONS_KEPT);
  return { ...state, serviceDurations: new Map(state.serviceDurations).set(serviceId, recent) };
}

export function finishService(state: QueueState, config: QueueConfig, input: CommandInput<'counter:finish'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx, 'release');
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called', 'serving']);
  if (!held.ok) return held;
  const ticket = held.value;
  const started = ticket.startedAt ?? ticket.calledAt ?? ctx.now;
  const timed = rememberDuration(state, ticket.serviceId, ctx.now - started);
  const live = found.value.live;
  if (ticket.returnToServiceId && config.services.has(ticket.returnToServiceId)) {
    // A transfer with return: the visitor goes back to the first service, keeping their original time.
    const back = requeue({ ...ticket, startedAt: started }, ctx.now, { serviceId: ticket.returnToServiceId, returnToServiceId: null });
    return commit(timed, { ...live, ticketId: null }, back, [
      { kind: 'ticket-transferred', ticketId: ticket.id, counterId: live.counterId, from: ticket.serviceId, to: ticket.returnToServiceId, note: 'returned after transfer' },
    ]);
  }
  const done = finishAt(live, { ...ticket, startedAt: started }, 'served', ctx.now);
  return commit(timed, done.counter, done.ticket, [done.change]);
}

export function noShow(state: QueueState, config: QueueConfig, input: CommandInput<'counter:no-show'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx, 'release');
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called']);
  if (!held.ok) return held;
  const done = finishAt(found.value.live, held.value, 'no-show', ctx.now);
  return commit(state, done.counter, done.ticket, [done.change]);
}

/** Back into a queue: waiting again, original issue time kept, no counter attached. */
function requeue(ticket: Ticket, now: number, patch: Partial<Ticket>): Ticket {
  return {
    ...ticket,
    status: 'waiting',
    counterId: null,
    calledAt: ticket.calledAt,
    queuedAt: now,
    recalls: 0,
    postponedUntil: null,
    assignedCounterId: null,
    ...patch,
  };
}

export function returnToQueue(state: QueueState, config: QueueConfig, input: CommandInput<'counter:return'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx, 'release');
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called', 'serving']);
  if (!held.ok) return held;
  const ticket = held.value;
  const live = { ...found.value.live, ticketId: null };
  if (input.mode === 'keep-place') {
    return commit(state, live, requeue(ticket, ctx.now, {}), [
      { kind: 'ticket-returned', ticketId: ticket.id, counterId: input.counterId, from: ticket.status, to: 'waiting' },
    ]);
  }
  const minutes = input.minutes ?? config.office.rules.postponeMinutes;
  const postponed = requeue(ticket, ctx.now, { status: 'postponed', postponedUntil: ctx.now + minutes * MINUTE });
  return commit(state, live, postponed, [
    { kind: 'ticket-postponed', ticketId: ticket.id, counterId: input.counterId, from: ticket.status, to: 'postponed', note: `${minutes} min` },
  ]);
}

export function transfer(state: QueueState, config: QueueConfig, input: CommandInput<'counter:transfer'>, ctx: CommandContext): Outcome<CounterOutcome> {
  const found = workingBooth(state, config, input.counterId, ctx, 'release');
  if (!found.ok) return found;
  const held = heldTicket(state, found.value.live, ['called', 'serving']);
  if (!held.ok) return held;
  const ticket = held.value;
  const comment = input.comment || null;
  let moved: Ticket;
  let to: string;
  if (input.toServiceId !== undefined) {
    const service = config.services.get(input.toServiceId);
    if (!service || !service.active) return failure(domainError('not-found', `No active service ${input.toServiceId}`));
    moved = requeue(ticket, ctx.now, {
      serviceId: service.id,
      comment,
      returnToServiceId: input.returnAfter && service.id !== ticket.serviceId ? ticket.serviceId : null,
    });
    to = service.id;
  } else {
    const target = config.counters.get(input.toCounterId ?? '');
    if (!target || !target.active) return failure(domainError('not-found', `No counter ${input.toCounterId}`));
    if (target.id === input.counterId) return failure(domainError('invalid-input', 'A ticket cannot be transferred to its own counter'));
    moved = requeue(ticket, ctx.now, { assignedCounterId: target.id, comment, returnToServiceId: input.returnAfter ? ticket.serviceId : null });
    to = `counter:${target.id}`;
  }
  const started = ticket.startedAt ?? ticket.calledAt ?? ctx.now;
  const timed = rememberDuration(state, ticket.serviceId, ctx.now - started);
  return commit(timed, { ...found.value.live, ticketId: null }, moved, [
    { kind: 'ticket-transferred', ticketId: ticket.id, counterId: input.counterId, from: ticket.serviceId, to, ...(comment ? { note: comment } : {}) },
  ]);
}
