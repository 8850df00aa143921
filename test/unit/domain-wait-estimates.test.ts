import { describe, expect, it } from 'vitest';
import { estimateWait, sharedFinish } from '../../server/domain/estimates';
import { zonedToEpoch } from '../../common/time/calendar';
import { Desk, issue, KIOSK, makeConfig, makeCounter, makeService, openAt, pauseAt } from '../support/domain-fixtures';

// Expected numbers are worked out by hand in each test: tickets ahead × their service's minutes,
// shared among the booths that work, a paused booth only from its planned return.
const MINSK = 'Europe/Minsk';
const at = (time: string) => zonedToEpoch('2025-03-10', time, MINSK);

/** Four booths that serve A alone; booth 1 has its lunch from 12:00 to 13:00. */
function fourBooths() {
  const counters = [1, 2, 3, 4].map((n) => makeCounter(`c${n}`, n, [['A', 'main']]));
  counters[0] = { ...counters[0]!, plannedBreaks: [{ kind: 'lunch', start: '12:00', end: '13:00' }] };
  return makeConfig({ timeZone: MINSK, counters });
}

/** A takes 10 minutes, B 4; c1 serves both first, c2 only B, c3 only A. */
function sharedBooths(bWeightAtC1: 'main' | 'secondary') {
  return makeConfig({
    timeZone: MINSK,
    services: [makeService('A', { expectedServiceMinutes: 10 }), makeService('B', { expectedServiceMinutes: 4 })],
    counters: [
      makeCounter('c1', 1, [
        ['A', 'main'],
        ['B', bWeightAtC1],
      ]),
      makeCounter('c2', 2, [['B', 'main']]),
      makeCounter('c3', 3, [['A', 'main']]),
    ],
  });
}

function issueMany(desk: Desk, serviceId: string, count: number): void {
  for (let i = 0; i < count; i++) desk.must(issue(serviceId), KIOSK);
}

describe('wait estimates with closed and paused booths', () => {
  it('promise no wait at all while every booth that serves the service is closed', () => {
    const desk = new Desk(fourBooths(), at('09:00'));
    expect(desk.must(issue('A'), KIOSK).estimate).toEqual({ ahead: 0, waitMinutes: null, at: at('09:00') });
    issueMany(desk, 'A', 2);
    expect(desk.must(issue('A'), KIOSK).estimate).toEqual({ ahead: 3, waitMinutes: null, at: at('09:00') });
  });

  it('count a booth at lunch from its planned return at 13:00: 30 minutes of lunch, then 3 × 10 minutes', () => {
    const desk = new Desk(fourBooths(), at('12:30'));
    desk.must(openAt('c1'));
    desk.must(pauseAt('c1', 'lunch'));
    expect(desk.state.counters.get('c1')?.pause?.until).toBe(at('13:00'));
    issueMany(desk, 'A', 3);
    expect(desk.must(issue('A'), KIOSK).estimate).toEqual({ ahead: 3, waitMinutes: 60, at: at('12:30') });
  });

  it('plan a lunch taken at another hour to last as long as the planned one', () => {
    const desk = new Desk(fourBooths(), at('10:00'));
    desk.must(openAt('c1'));
    desk.must(pauseAt('c1', 'lunch'));
    expect(desk.state.counters.get('c1')?.pause?.until).toBe(at('11:00'));
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBe(60);
  });

  it('count a booth paused for 15 minutes from its return, and one paused with no planned end not at all', () => {
    const desk = new Desk(fourBooths(), at('10:00'));
    desk.must(openAt('c2'));
    desk.must(pauseAt('c2', 'other'));
    expect(desk.state.counters.get('c2')?.pause?.until).toBeUndefined();
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBeNull();
    desk.must(openAt('c3'));
    desk.must(pauseAt('c3', 'other', 15));
    // One ticket (10 minutes) ahead, the booth back at 10:15: 15 + 10.
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBe(25);
  });

  it('ignore an open booth that an admin has since switched off', () => {
    const desk = new Desk(fourBooths(), at('10:00'));
    desk.must(openAt('c1'));
    const ticket = desk.must(issue('A'), KIOSK);
    const counters = new Map([...desk.config.counters].map(([id, c]) => [id, id === 'c1' ? { ...c, active: false } : c]));
    expect(estimateWait(desk.state, { ...desk.config, counters }, ticket, desk.clock.now).waitMinutes).toBeNull();
  });

  it('expect a specialist late back from lunch at any moment', () => {
    const desk = new Desk(fourBooths(), at('12:30'));
    desk.must(openAt('c1'));
    desk.must(pauseAt('c1', 'lunch'));
    desk.clock.setLocal('2025-03-10', '13:10', MINSK);
    issueMany(desk, 'A', 2);
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBe(20);
  });
});

describe('wait estimates at booths shared by several services', () => {
  /** Eight B tickets, a minute later two A tickets, at the open booth c1; then the estimate of a third A. */
  function afterEightBsAndTwoAs(bWeightAtC1: 'main' | 'secondary') {
    const desk = new Desk(sharedBooths(bWeightAtC1), at('09:00'));
    desk.must(openAt('c1'));
    issueMany(desk, 'B', 8);
    desk.clock.advanceMinutes(1);
    issueMany(desk, 'A', 2);
    return desk.must(issue('A'), KIOSK).estimate;
  }

  it('add the work of other services that the shared booth calls first: 8 × 4 + 2 × 10 minutes', () => {
    expect(afterEightBsAndTwoAs('main')).toEqual({ ahead: 2, waitMinutes: 52, at: at('09:01') });
  });

  it('leave out the tickets of a service the booth calls only after this one', () => {
    expect(afterEightBsAndTwoAs('secondary')?.waitMinutes).toBe(20);
  });

  it('count the tickets of a secondary service once they are overdue, as the call order does', () => {
    const desk = new Desk(sharedBooths('secondary'), at('09:00'));
    desk.must(openAt('c1'));
    issueMany(desk, 'B', 8);
    desk.clock.setLocal('2025-03-10', '09:50', MINSK);
    issueMany(desk, 'A', 2);
    // At 10:05 the B tickets have waited 65 minutes, past their maximum of 60.
    desk.clock.setLocal('2025-03-10', '10:05', MINSK);
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBe(52);
  });

  it('ignore the queues of booths that do not serve the service', () => {
    const desk = new Desk(sharedBooths('main'), at('09:00'));
    desk.must(openAt('c3'));
    issueMany(desk, 'B', 8);
    issueMany(desk, 'A', 1);
    expect(desk.must(issue('A'), KIOSK).estimate?.waitMinutes).toBe(10);
  });
});

describe('wait estimates in a mixed hall', () => {
  it('share the work between an open booth and one back from lunch in 30 minutes, and ignore closed booths and open-ended pauses', () => {
    const counters = [
      { ...makeCounter('c1', 1, [['A', 'main'], ['B', 'main']]), plannedBreaks: [{ kind: 'lunch' as const, start: '12:00', end: '13:00' }] },
      makeCounter('c2', 2, [['A', 'main'], ['B', 'main']]),
      makeCounter('c3', 3, [['A', 'main']]),
      makeCounter('c4', 4, [['A', 'main']]),
    ];
    const services = [makeService('A', { expectedServiceMinutes: 10 }), makeService('B', { expectedServiceMinutes: 4 })];
    const desk = new Desk(makeConfig({ timeZone: MINSK, services, counters }), at('12:20'));
    for (const counterId of ['c1', 'c2', 'c4']) desk.must(openAt(counterId));
    issueMany(desk, 'B', 4);
    desk.clock.setLocal('2025-03-10', '12:25', MINSK);
    issueMany(desk, 'A', 2);
    desk.clock.setLocal('2025-03-10', '12:30', MINSK);
    desk.must(pauseAt('c1', 'lunch'));
    desk.must(pauseAt('c4', 'other'));
    // Work 4 × 4 + 2 × 10 = 36 minutes: c2 from now, c1 from 12:30 + 30. After t minutes they have
    // done t + (t − 30) = 36, so t = 33.
    expect(desk.must(issue('A'), KIOSK).estimate).toEqual({ ahead: 2, waitMinutes: 33, at: at('12:30') });
  });
});

describe('sharing work among booths that start at different times', () => {
  it('divides the work evenly among booths open now', () => {
    expect(sharedFinish(30, [0, 0, 0])).toBe(10);
  });

  it('waits for the first booth to come back when nothing is ahead', () => {
    expect(sharedFinish(0, [20, 45])).toBe(20);
  });

  it('lets a booth join only once the work outlasts its return', () => {
    expect(sharedFinish(10, [0, 20])).toBe(10);
    expect(sharedFinish(30, [0, 20])).toBe(25);
  });

  it('has no answer without booths', () => {
    expect(sharedFinish(10, [])).toBeNull();
  });
});
