import { beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/protocol';
import type { Outcome } from '../../server/domain/outcome';
import {
  callNextAt,
  callTicketAt,
  cancel,
  closeAt,
  Desk,
  finishAt,
  issue,
  KIOSK,
  makeConfig,
  MINUTE,
  noShowAt,
  openAt,
  pauseAt,
  recallAt,
  returnAt,
  startAt,
  transferAt,
  type DomainCommand,
} from '../support/domain-fixtures';

const START = Date.parse('2025-03-10T09:00:00Z');

let desk: Desk;

beforeEach(() => {
  desk = new Desk(makeConfig({ rules: { recallLimit: 2, postponeMinutes: 10 } }), START);
});

function ticket(id: string): Ticket | undefined {
  return desk.state.tickets.get(id);
}

/** Issues one ticket per service, a minute apart, and returns their ids. */
function issueEach(...serviceIds: string[]): string[] {
  return serviceIds.map((serviceId) => {
    desk.clock.advanceMinutes(1);
    return desk.must(issue(serviceId), KIOSK).id;
  });
}

/** Runs a command the domain must refuse, and checks it changed nothing. */
function refused<T>(command: DomainCommand<T>): string {
  const before = desk.state;
  const journalLength = desk.journal.length;
  const outcome: Outcome<T> = desk.run(command);
  if (outcome.ok) throw new Error('expected a refusal');
  expect(outcome).not.toHaveProperty('changes');
  expect(outcome).not.toHaveProperty('state');
  expect(desk.state).toBe(before);
  expect(desk.journal).toHaveLength(journalLength);
  return outcome.error.code;
}

function finishedChange(ticketId: string) {
  return desk.journal.find((c) => c.kind === 'ticket-finished' && c.ticketId === ticketId);
}

describe('a ticket from waiting to finished', () => {
  it('goes waiting → called → serving → finished as served, and the counter is free again', () => {
    const [id = ''] = issueEach('A');
    expect(ticket(id)?.status).toBe('waiting');
    desk.must(openAt('c1'));
    desk.clock.advanceMinutes(2);
    expect(desk.must(callNextAt('c1')).ticket).toMatchObject({ id, status: 'called', counterId: 'c1', calledAt: desk.clock.now });
    desk.clock.advanceMinutes(1);
    expect(desk.must(startAt('c1')).ticket).toMatchObject({ status: 'serving', startedAt: desk.clock.now });
    desk.clock.advanceMinutes(7);
    const done = desk.must(finishAt('c1'));
    expect(done.ticket).toMatchObject({ status: 'finished', outcome: 'served', finishedAt: desk.clock.now });
    expect(done.counter.ticketId).toBeNull();
    expect(ticket(id)).toBeUndefined();
    expect(finishedChange(id)).toMatchObject({ to: 'served', ticket: { outcome: 'served' } });
    expect(desk.state.serviceDurations.get('A')).toEqual([7 * MINUTE]);
  });

  it('a called visitor who does not come is finished as a no-show', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    expect(desk.must(noShowAt('c1')).ticket).toMatchObject({ id, status: 'finished', outcome: 'no-show' });
  });

  it('a waiting ticket can be cancelled; a called one must be finished at its counter', () => {
    const [waiting = '', called = ''] = issueEach('B', 'A');
    desk.must(openAt('c1'));
    desk.must(callTicketAt('c1', called));
    expect(desk.must(cancel(waiting))).toMatchObject({ status: 'finished', outcome: 'cancelled' });
    expect(refused(cancel(called))).toBe('ticket-not-waiting');
  });
});

describe('recalls', () => {
  it('are counted, and after the recall limit a further recall makes the ticket a no-show', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.clock.advanceMinutes(1);
    expect(desk.must(recallAt('c1')).ticket).toMatchObject({ recalls: 1, status: 'called', calledAt: desk.clock.now });
    expect(desk.must(recallAt('c1')).ticket).toMatchObject({ recalls: 2, status: 'called' });
    const third = desk.must(recallAt('c1'));
    expect(third.ticket).toMatchObject({ id, status: 'finished', outcome: 'no-show' });
    expect(third.counter.ticketId).toBeNull();
    expect(desk.journal.filter((c) => c.kind === 'ticket-recalled')).toHaveLength(2);
  });

  it('are refused once the visitor is being served', () => {
    issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.must(startAt('c1'));
    expect(refused(recallAt('c1'))).toBe('ticket-not-at-counter');
  });
});

describe('returning a ticket to the queue', () => {
  it('keeping its place puts it back before everyone issued after it', () => {
    const [first = '', second = ''] = issueEach('A', 'A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.clock.advanceMinutes(3);
    expect(desk.must(returnAt('c1', 'keep-place')).ticket).toMatchObject({ id: first, status: 'waiting', counterId: null, queuedAt: desk.clock.now });
    expect(ticket(first)?.issuedAt).toBeLessThan(ticket(second)?.issuedAt ?? 0);
    expect(desk.must(callNextAt('c1')).ticket?.id).toBe(first);
  });

  it('postponed, it waits in a shared pool until postponeMinutes have passed', () => {
    const [late = '', next = ''] = issueEach('A', 'A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    expect(desk.must(returnAt('c1', 'postpone')).ticket).toMatchObject({ id: late, status: 'postponed', postponedUntil: desk.clock.now + 10 * MINUTE });
    expect(desk.must(callNextAt('c1')).ticket?.id).toBe(next);
    desk.must(finishAt('c1'));
    expect(refused(callNextAt('c1'))).toBe('queue-empty');
    expect(refused(callTicketAt('c1', late))).toBe('not-due-yet');
    desk.clock.advanceMinutes(10);
    expect(desk.must(callNextAt('c1')).ticket).toMatchObject({ id: late, callReason: { kind: 'postponed-due' } });
  });

  it('a postponed ticket may be called by any counter, even one that does not serve its service', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.must(returnAt('c1', 'postpone', 5));
    desk.clock.advanceMinutes(5);
    desk.must(openAt('c2'));
    expect(desk.must(callTicketAt('c2', id)).ticket).toMatchObject({ status: 'called', counterId: 'c2', callReason: { kind: 'postponed-due' } });
  });
});

describe('transfers', () => {
  it('to another service keep the original issue time and carry the comment', () => {
    const [id = ''] = issueEach('A');
    const issuedAt = ticket(id)?.issuedAt;
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.clock.advanceMinutes(4);
    const moved = desk.must(transferAt('c1', { toServiceId: 'B', comment: 'needs a stamp' }));
    expect(moved.ticket).toMatchObject({ id, serviceId: 'B', status: 'waiting', issuedAt, comment: 'needs a stamp', code: 'A100' });
    expect(moved.counter.ticketId).toBeNull();
    expect(desk.journal.at(-1)).toMatchObject({ kind: 'ticket-transferred', from: 'A', to: 'B', note: 'needs a stamp' });
  });

  it('with return send the visitor back to the first service when the second one is done', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c1'));
    desk.must(openAt('c2'));
    desk.must(callNextAt('c1'));
    desk.must(transferAt('c1', { toServiceId: 'B', returnAfter: true }));
    desk.must(callNextAt('c2'));
    desk.must(startAt('c2'));
    const back = desk.must(finishAt('c2'));
    expect(back.ticket).toMatchObject({ id, serviceId: 'A', status: 'waiting', returnToServiceId: null });
    expect(finishedChange(id)).toBeUndefined();
    expect(desk.must(callNextAt('c1')).ticket?.id).toBe(id);
    expect(desk.must(finishAt('c1')).ticket).toMatchObject({ status: 'finished', outcome: 'served' });
  });

  it('to a specific counter can be called only by that counter, which calls it first', () => {
    const [other = '', id = ''] = issueEach('A', 'A');
    desk.must(openAt('c1'));
    desk.must(openAt('c3'));
    desk.must(callTicketAt('c1', id));
    desk.must(transferAt('c1', { toCounterId: 'c3', comment: 'senior specialist' }));
    expect(ticket(id)).toMatchObject({ status: 'waiting', assignedCounterId: 'c3' });
    expect(refused(callTicketAt('c1', id))).toBe('counter-not-serving-service');
    expect(desk.must(callNextAt('c1')).ticket?.id).toBe(other);
    expect(desk.must(callNextAt('c3')).ticket).toMatchObject({ id, callReason: { kind: 'assigned-to-counter' }, assignedCounterId: null });
  });

  it('to the counter itself are refused', () => {
    issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    expect(refused(transferAt('c1', { toCounterId: 'c1' }))).toBe('invalid-input');
  });
});

describe('calling a chosen ticket out of turn', () => {
  it('calls it ahead of earlier tickets with the reason "chosen"', () => {
    const [, , chosen = ''] = issueEach('A', 'A', 'A');
    desk.must(openAt('c1'));
    expect(desk.must(callTicketAt('c1', chosen)).ticket).toMatchObject({ id: chosen, callReason: { kind: 'chosen' } });
  });

  it('refuses a ticket of a service the counter does not serve', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c2'));
    expect(refused(callTicketAt('c2', id))).toBe('counter-not-serving-service');
  });

  it('refuses a ticket already called at another counter, so two booths never hold one visitor', () => {
    const [id = ''] = issueEach('A');
    desk.must(openAt('c1'));
    desk.must(openAt('c3'));
    desk.must(callNextAt('c1'));
    expect(refused(callTicketAt('c3', id))).toBe('ticket-not-waiting');
  });
});

describe('actions not allowed in the current state are refused and change nothing', () => {
  it('starting, finishing or recalling at a counter that holds no ticket', () => {
    desk.must(openAt('c1'));
    expect(refused(startAt('c1'))).toBe('counter-idle');
    expect(refused(finishAt('c1'))).toBe('counter-idle');
    expect(refused(recallAt('c1'))).toBe('counter-idle');
    expect(refused(noShowAt('c1'))).toBe('counter-idle');
  });

  it('starting twice, or marking a visitor being served as a no-show', () => {
    issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    desk.must(startAt('c1'));
    expect(refused(startAt('c1'))).toBe('ticket-not-at-counter');
    expect(refused(noShowAt('c1'))).toBe('ticket-not-at-counter');
  });

  it('closing or pausing a counter that still holds a visitor', () => {
    issueEach('A');
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    expect(refused(closeAt('c1'))).toBe('counter-busy');
    expect(refused(pauseAt('c1'))).toBe('counter-busy');
  });

  it('working a counter that is closed', () => {
    expect(refused(finishAt('c1'))).toBe('counter-closed');
    expect(refused(returnAt('c1', 'keep-place'))).toBe('counter-closed');
    expect(refused(transferAt('c1', { toServiceId: 'B' }))).toBe('counter-closed');
  });

  it('a counter or ticket that does not exist', () => {
    expect(refused(openAt('c9'))).toBe('not-found');
    expect(refused(cancel('t404'))).toBe('not-found');
    expect(refused(issue('Z'))).toBe('not-found');
  });
});

describe('a retried request', () => {
  it('gets the ticket the first attempt made instead of a second one', () => {
    const desk = new Desk(makeConfig(), Date.UTC(2030, 0, 15, 8, 0));
    const first = desk.must(issue('A', { requestId: 'tap-0001' }), KIOSK);
    const again = desk.run(issue('A', { requestId: 'tap-0001' }), KIOSK);
    expect(again.ok && again.value).toEqual(first);
    expect(again.ok && again.changes).toEqual([]);
    const other = desk.must(issue('A', { requestId: 'tap-0002' }), KIOSK);
    expect(other.number).toBe(first.number + 1);
  });
});
