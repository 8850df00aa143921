import { describe, expect, it } from 'vitest';
import { liveMonitor } from '../../server/analytics/live-monitor';
import { ticketRef } from '../../server/realtime/redact';
import { callNextAt, Desk, issue, KIOSK, makeConfig, makeCounter, makeService, MINUTE, openAt } from '../support/domain-fixtures';

function office() {
  return makeConfig({
    timeZone: 'UTC',
    services: [makeService('A', { targetWaitMinutes: 15, expectedServiceMinutes: 10 })],
    counters: [makeCounter('c1', 1, [['A', 'main']]), makeCounter('c2', 2, [['A', 'main']])],
  });
}

describe('live monitor', () => {
  it('shows waiting per service, the longest wait and what each counter holds', () => {
    const desk = new Desk(office(), Date.UTC(2024, 2, 4, 9));
    desk.must(openAt('c1'));
    const first = desk.must(issue('A'), KIOSK);
    desk.clock.advanceMinutes(4);
    desk.must(issue('A'), KIOSK);
    desk.clock.advanceMinutes(2);
    desk.must(callNextAt('c1'));
    desk.must(issue('A'), KIOSK);
    const view = liveMonitor(desk.state, desk.config, desk.clock.now);
    expect(view.services).toEqual([
      { serviceId: 'A', waiting: 2, longestWaitMinutes: 2, countersOpen: 1, serviceMinutes: 10, targetMinutes: 15 },
    ]);
    expect(view.counters.map((c) => [c.counterId, c.status, c.ticketCode, c.ticketStatus])).toEqual([
      ['c1', 'open', first.code, 'called'],
      ['c2', 'closed', null, null],
    ]);
  });

  it('flags a visitor predicted to miss the target before the target passes', () => {
    const desk = new Desk(office(), Date.UTC(2024, 2, 4, 9));
    desk.must(openAt('c1'));
    // Three people queue at once; one counter at 10 minutes each: the third is due after 20 minutes.
    const tickets = [desk.must(issue('A'), KIOSK), desk.must(issue('A'), KIOSK), desk.must(issue('A'), KIOSK)];
    desk.clock.advanceMinutes(1);
    const view = liveMonitor(desk.state, desk.config, desk.clock.now);
    expect(view.alerts).toEqual([
      {
        ticketRef: ticketRef(tickets[2]!.id),
        code: tickets[2]!.code,
        serviceId: 'A',
        waitedMinutes: 1,
        predictedWaitMinutes: 21,
        targetMinutes: 15,
        minutesLeft: 14,
        state: 'at-risk',
      },
    ]);
  });

  it('stops flagging once a second counter opens and the pace suffices', () => {
    const desk = new Desk(office(), Date.UTC(2024, 2, 4, 9));
    desk.must(openAt('c1'));
    desk.must(issue('A'), KIOSK);
    desk.must(issue('A'), KIOSK);
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c2'), { kind: 'user', id: 'op-2', role: 'operator' });
    expect(liveMonitor(desk.state, desk.config, desk.clock.now).alerts).toEqual([]);
  });

  it('marks a wait already over target as breached, and every waiter at risk when no counter is open', () => {
    const desk = new Desk(office(), Date.UTC(2024, 2, 4, 9));
    desk.must(issue('A'), KIOSK);
    desk.clock.advance(16 * MINUTE);
    const [alert] = liveMonitor(desk.state, desk.config, desk.clock.now).alerts;
    expect(alert).toMatchObject({ state: 'breached', predictedWaitMinutes: null, minutesLeft: -1 });
  });
});
