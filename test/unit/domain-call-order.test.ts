import { describe, expect, it } from 'vitest';
import type { CallReason } from '../../common/protocol';
import {
  ADMIN,
  callNextAt,
  callTicketAt,
  Desk,
  finishAt,
  grant,
  issue,
  KIOSK,
  makeConfig,
  makeService,
  MINUTE,
  OPERATOR,
  OTHER_OPERATOR,
  openAt,
  pauseAt,
  resumeAt,
  transferAt,
} from '../support/domain-fixtures';

const T0 = Date.parse('2025-03-10T07:00:00Z');

/** Calls at the counter until the queue is empty, finishing each visitor; returns id and reason of each call. */
function drain(desk: Desk, counterId: string, actor = OPERATOR): { id: string; reason: CallReason | null }[] {
  const calls: { id: string; reason: CallReason | null }[] = [];
  for (;;) {
    const outcome = desk.run(callNextAt(counterId), actor);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('queue-empty');
      return calls;
    }
    const ticket = outcome.value.ticket;
    calls.push({ id: ticket?.id ?? '', reason: ticket?.callReason ?? null });
    desk.must(finishAt(counterId), actor);
  }
}

describe('call next picks by class, then first come first served', () => {
  it('assigned, due appointment, out-of-turn, overdue, main, secondary, and an early booking last', () => {
    // Service B's visitors become overdue after 30 minutes; A's never do within the test.
    const config = makeConfig({ services: [makeService('A', { maxWaitMinutes: 600 }), makeService('B', { maxWaitMinutes: 30 })] });
    const desk = new Desk(config, T0);
    const at = (minute: number) => (desk.clock.now = T0 + minute * MINUTE);
    const issueAt = (minute: number, serviceId: string, slotInMinutes?: number) => {
      at(minute);
      const priority = slotInMinutes === undefined ? undefined : { kind: 'booked' as const, appointmentId: `appt-${minute}`, slotStart: T0 + slotInMinutes * MINUTE };
      return desk.must(issue(serviceId, priority ? { priority, source: 'appointment' } : {}), KIOSK).id;
    };
    const overdueB = issueAt(0, 'B');
    const firstA = issueAt(1, 'A');
    const categoryA = issueAt(2, 'A');
    const earlyBooking = issueAt(3, 'A', 300);
    const dueBooking = issueAt(4, 'B', 36);
    const assigned = issueAt(5, 'A');
    const secondA = issueAt(6, 'A');
    const secondaryB = issueAt(31, 'B');
    desk.must(grant(categoryA));
    desk.must(openAt('c3'), OTHER_OPERATOR);
    desk.must(callTicketAt('c3', assigned), OTHER_OPERATOR);
    desk.must(transferAt('c3', { toCounterId: 'c1' }), OTHER_OPERATOR);
    at(32);
    desk.must(openAt('c1'));

    expect(drain(desk, 'c1')).toEqual([
      { id: assigned, reason: { kind: 'assigned-to-counter' } },
      { id: dueBooking, reason: { kind: 'appointment', slotStart: T0 + 36 * MINUTE } },
      { id: categoryA, reason: { kind: 'category', categoryId: 'disability' } },
      { id: overdueB, reason: { kind: 'overdue', waitedMinutes: 32, maxWaitMinutes: 30 } },
      { id: firstA, reason: { kind: 'first-in-line', serviceId: 'A', weight: 'main' } },
      { id: secondA, reason: { kind: 'first-in-line', serviceId: 'A', weight: 'main' } },
      { id: secondaryB, reason: { kind: 'first-in-line', serviceId: 'B', weight: 'secondary' } },
      { id: earlyBooking, reason: { kind: 'appointment', slotStart: T0 + 300 * MINUTE } },
    ]);
  });

  it('within a class the earliest issued goes first, whatever the order of the ticket ids', () => {
    const desk = new Desk(makeConfig(), T0);
    const ids = ['A', 'A', 'A'].map(() => {
      desk.clock.advanceMinutes(1);
      return desk.must(issue('A'), KIOSK).id;
    });
    desk.must(openAt('c1'));
    expect(drain(desk, 'c1').map((c) => c.id)).toEqual(ids);
  });

  it('each call journals its reason', () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    const change = desk.journal.at(-1);
    expect(change?.kind).toBe('ticket-called');
    expect(JSON.parse(change?.note ?? 'null')).toEqual({ kind: 'first-in-line', serviceId: 'A', weight: 'main' });
  });
});

describe('the optional ordinary/out-of-turn ratio', () => {
  it('with 2 ordinary per 1 out-of-turn never lets either side starve the other', () => {
    const desk = new Desk(makeConfig({ rules: { priorityRatio: { normal: 2, priority: 1 } } }), T0);
    const priority = new Set<string>();
    for (let i = 0; i < 8; i++) {
      desk.clock.advanceMinutes(1);
      const id = desk.must(issue('A'), KIOSK).id;
      if (i % 2 === 0) priority.add(desk.must(grant(id)).id);
    }
    desk.must(openAt('c1'));
    const kinds = drain(desk, 'c1')
      .slice(0, 6)
      .map((call) => (priority.has(call.id) ? 'P' : 'N'))
      .join('');
    // While both kinds wait: never three ordinary in a row, never two out-of-turn in a row.
    expect(kinds).not.toMatch(/NNN|PP/);
    expect(kinds.replace(/N/g, '')).toHaveLength(2);
  });

  it('marks a call made for the ratio rather than by rank as "ratio"', () => {
    const desk = new Desk(makeConfig({ rules: { priorityRatio: { normal: 2, priority: 1 } } }), T0);
    const ordinary = desk.must(issue('A'), KIOSK).id;
    desk.must(grant(desk.must(issue('A'), KIOSK).id));
    desk.must(openAt('c1'));
    // Ranked alone the out-of-turn ticket would go first; a fresh counter owes an ordinary call.
    expect(desk.must(callNextAt('c1')).ticket).toMatchObject({ id: ordinary, callReason: { kind: 'ratio' } });
  });

  it('without a ratio out-of-turn visitors all go first', () => {
    const desk = new Desk(makeConfig(), T0);
    const ordinary = desk.must(issue('A'), KIOSK).id;
    const first = desk.must(grant(desk.must(issue('A'), KIOSK).id)).id;
    const second = desk.must(grant(desk.must(issue('A'), KIOSK).id)).id;
    desk.must(openAt('c1'));
    expect(drain(desk, 'c1').map((c) => c.id)).toEqual([first, second, ordinary]);
  });
});

describe('who may call next', () => {
  it('a counter with a visitor still open is busy', () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c1'));
    desk.must(callNextAt('c1'));
    const outcome = desk.run(callNextAt('c1'));
    expect(outcome.ok || outcome.error.code).toBe('counter-busy');
  });

  it('a paused counter cannot call until it resumes', () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c1'));
    desk.must(pauseAt('c1'));
    const outcome = desk.run(callNextAt('c1'));
    expect(outcome.ok || outcome.error.code).toBe('counter-paused');
    desk.must(resumeAt('c1'));
    expect(desk.run(callNextAt('c1')).ok).toBe(true);
  });

  it('a closed counter cannot call', () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    const outcome = desk.run(callNextAt('c1'));
    expect(outcome.ok || outcome.error.code).toBe('counter-closed');
  });

  it("another operator's open counter is taken, but an admin may act on it", () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c1'), OPERATOR);
    for (const outcome of [desk.run(callNextAt('c1'), OTHER_OPERATOR), desk.run(openAt('c1'), OTHER_OPERATOR)]) {
      expect(outcome.ok || outcome.error.code).toBe('counter-taken');
    }
    expect(desk.must(callNextAt('c1'), ADMIN).counter.operatorId).toBe('op-1');
  });

  it('a counter with nobody to call reports an empty queue', () => {
    const desk = new Desk(makeConfig(), T0);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c2'));
    const outcome = desk.run(callNextAt('c2'));
    expect(outcome.ok || outcome.error.code).toBe('queue-empty');
  });
});
