import { describe, expect, it } from 'vitest';
import { estimateWait, peopleAhead, recentServiceMinutes } from '../../server/domain/estimates';
import { rollover } from '../../server/domain/rollover';
import { zonedToEpoch } from '../../common/time/calendar';
import {
  callNextAt,
  Desk,
  finishAt,
  grant,
  issue,
  KIOSK,
  makeConfig,
  openAt,
  pauseAt,
  returnAt,
  startAt,
} from '../support/domain-fixtures';

const IRKUTSK = 'Asia/Irkutsk';
const irkutsk = (date: string, time: string) => zonedToEpoch(date, time, IRKUTSK);

describe('day rollover', () => {
  it("finishes yesterday's open tickets as day-ended and closes yesterday's counters", () => {
    const desk = new Desk(makeConfig({ timeZone: IRKUTSK }), irkutsk('2025-03-10', '17:00'));
    const serving = desk.must(issue('A'), KIOSK).id;
    const waiting = desk.must(issue('A'), KIOSK).id;
    const postponed = desk.must(issue('B'), KIOSK).id;
    desk.must(openAt('c1'));
    desk.must(openAt('c2'));
    desk.must(openAt('c3'));
    desk.must(callNextAt('c2'));
    desk.must(returnAt('c2', 'postpone'));
    desk.must(pauseAt('c2'));
    desk.must(callNextAt('c1'));
    desk.must(startAt('c1'));

    desk.clock.setLocal('2025-03-11', '00:00', IRKUTSK);
    const outcome = rollover(desk.state, desk.config, desk.clock.now);
    if (!outcome.ok) throw new Error('rollover never fails');
    expect(outcome.state.tickets.size).toBe(0);
    const ended = outcome.changes.filter((c) => c.kind === 'ticket-finished');
    expect(ended.map((c) => [c.ticketId, c.from, c.to])).toEqual([
      [serving, 'serving', 'day-ended'],
      [waiting, 'waiting', 'day-ended'],
      [postponed, 'postponed', 'day-ended'],
    ]);
    expect(ended.every((c) => c.ticket?.outcome === 'day-ended' && c.ticket.finishedAt === desk.clock.now)).toBe(true);
    for (const counterId of ['c1', 'c2', 'c3']) {
      expect(outcome.state.counters.get(counterId)).toMatchObject({ status: 'closed', ticketId: null, operatorId: null, pause: null });
    }
    expect(outcome.changes.filter((c) => c.kind === 'counter-closed')).toHaveLength(3);
  });

  it('does nothing before local midnight, even after UTC midnight', () => {
    const desk = new Desk(makeConfig({ timeZone: IRKUTSK }), Date.parse('2025-03-10T10:00:00Z'));
    desk.must(issue('A'), KIOSK);
    desk.must(openAt('c1'));
    // 15:59 UTC is 23:59 in Irkutsk: still the same service day.
    const lateEvening = rollover(desk.state, desk.config, Date.parse('2025-03-10T15:59:00Z'));
    expect(lateEvening).toEqual({ ok: true, state: desk.state, changes: [], value: null });
  });

  it('a ticket issued after midnight survives the rollover that ends the day before', () => {
    const desk = new Desk(makeConfig({ timeZone: IRKUTSK }), irkutsk('2025-03-10', '23:50'));
    desk.must(issue('A'), KIOSK);
    desk.clock.setLocal('2025-03-11', '00:05', IRKUTSK);
    const today = desk.must(issue('A'), KIOSK);
    expect([...desk.state.tickets.values()]).toEqual([today]);
    expect(desk.journal.filter((c) => c.to === 'day-ended')).toHaveLength(1);
  });
});

describe('wait estimates', () => {
  const start = Date.parse('2025-03-10T07:00:00Z');

  it('count the waiting tickets of the same service issued earlier as people ahead', () => {
    const desk = new Desk(makeConfig(), start);
    const tickets = ['A', 'B', 'A', 'A'].map((serviceId) => {
      desk.clock.advanceMinutes(1);
      return desk.must(issue(serviceId), KIOSK);
    });
    expect(tickets.map((t) => t.estimate?.ahead)).toEqual([0, 0, 1, 2]);
    const last = tickets[3];
    if (!last) throw new Error('four tickets were issued');
    expect(peopleAhead(desk.state, last)).toBe(2);
  });

  it('put out-of-turn visitors ahead of an ordinary ticket issued before them', () => {
    const desk = new Desk(makeConfig(), start);
    const ordinary = desk.must(issue('A'), KIOSK);
    desk.clock.advanceMinutes(1);
    desk.must(grant(desk.must(issue('A'), KIOSK).id));
    expect(peopleAhead(desk.state, ordinary)).toBe(1);
  });

  it("use the service's expected minutes until three visits are measured, then the recent mean", () => {
    const desk = new Desk(makeConfig(), start);
    desk.must(openAt('c1'));
    const serve = (minutes: number) => {
      desk.must(issue('A'), KIOSK);
      desk.must(callNextAt('c1'));
      desk.must(startAt('c1'));
      desk.clock.advanceMinutes(minutes);
      desk.must(finishAt('c1'));
    };
    serve(4);
    serve(6);
    expect(recentServiceMinutes(desk.state, desk.config, 'A')).toBe(10);
    serve(8);
    expect(recentServiceMinutes(desk.state, desk.config, 'A')).toBe(6);
  });

  it('divide the work among the open counters that serve the service', () => {
    const desk = new Desk(makeConfig(), start);
    desk.must(openAt('c3'));
    for (let i = 0; i < 4; i++) desk.must(issue('A'), KIOSK);
    const fifth = desk.must(issue('A'), KIOSK);
    expect(fifth.estimate).toEqual({ ahead: 4, waitMinutes: 40, at: desk.clock.now });
    desk.must(openAt('c1'));
    expect(estimateWait(desk.state, desk.config, fifth, desk.clock.now)).toEqual({ ahead: 4, waitMinutes: 20, at: desk.clock.now });
  });

  it('do not count a postponed ticket as ahead', () => {
    const desk = new Desk(makeConfig(), start);
    desk.must(openAt('c1'));
    desk.must(issue('A'), KIOSK);
    desk.must(callNextAt('c1'));
    desk.must(returnAt('c1', 'postpone'));
    desk.clock.advanceMinutes(1);
    expect(desk.must(issue('A'), KIOSK).estimate?.ahead).toBe(0);
  });
});
