import { describe, expect, it } from 'vitest';
import { summariseRecords } from '../../server/analytics/day-summary';
import { LocalClock } from '../../server/analytics/local-clock';
import { staffingAdvice } from '../../server/analytics/staffing';
import { makeService } from '../support/domain-fixtures';
import { visitFrom, type Story } from '../support/analytics-fixtures';

const UTC = 'UTC';
const MONDAY = '2024-03-04';

// One booth's four arrivals, by hand (minutes the booth is taken = first call → end):
//   a: called 9:00, recalled 9:03 (walked up slowly), started 9:06, finished 9:10 → booth 10, start→finish 4
//   b: called 9:12, no-show 9:16                                                  → booth 4
//   c: cancelled at 9:05 before any call                                           → booth 0
//   d: called 9:20, started 9:22, finished 9:28                                   → booth 8, start→finish 6
const OCCUPIED_PER_ARRIVAL = (10 + 4 + 0 + 8) / 4;
const START_TO_FINISH = (4 + 6) / 2;
const booth = (n: number): Story[] => {
  const c = `c${n}`;
  return [
    { id: `a${n}`, service: 'docs', issued: '09:00', events: [['09:00', 'ticket-called', c], ['09:03', 'ticket-recalled', c], ['09:06', 'ticket-started', c], ['09:10', 'ticket-finished', c, 'served']] },
    { id: `b${n}`, service: 'docs', issued: '09:01', events: [['09:12', 'ticket-called', c], ['09:16', 'ticket-finished', c, 'no-show']] },
    { id: `c${n}`, service: 'docs', issued: '09:02', events: [['09:05', 'ticket-finished', undefined, 'cancelled']] },
    { id: `d${n}`, service: 'docs', issued: '09:03', events: [['09:20', 'ticket-called', c], ['09:22', 'ticket-started', c], ['09:28', 'ticket-finished', c, 'served']] },
  ];
};

describe('the staffing advisor’s service time', () => {
  it('is the booth time each arrival occupies, from the call to the finish, and the occupancy cap holds at that load', () => {
    const booths = 60;
    const visits = Array.from({ length: booths }, (_, i) => booth(i + 1)).flat().map((story) => visitFrom(story, MONDAY, UTC));
    const period = { from: MONDAY, to: MONDAY };
    const input = { period, days: summariseRecords(visits, [], new LocalClock(UTC)), services: new Map([['docs', makeService('docs')]]), openHours: new Map() };
    const settings = { serviceLevel: 0.8, targetMinutes: 15, maxOccupancy: 0.85, shrinkage: 0 };
    const advice = staffingAdvice(input, settings);

    expect(advice.serviceBasis).toBe('occupied-per-arrival');
    expect(advice.serviceMinutes).toBeCloseTo(OCCUPIED_PER_ARRIVAL, 9);
    expect(advice.startToFinishMinutes).toBeCloseTo(START_TO_FINISH, 9);
    const cell = advice.cells.find((c) => c.weekday === 1 && c.hour === 9)!;
    const arrivalsPerHour = booths * 4;
    const trueLoad = (arrivalsPerHour * OCCUPIED_PER_ARRIVAL) / 60;
    expect(cell.load).toBeCloseTo(trueLoad, 9);
    // 240 an hour × 5.5 min = 22 erlangs: at most 85 % of each booth takes ⌈22 ÷ 0.85⌉ = 26 booths;
    // fed start→finish (5 min, 20 erlangs) it would have said 24, 92 % busy at the true load.
    expect(cell.recommendedBooths).toBeGreaterThanOrEqual(Math.ceil(trueLoad / 0.85));
    expect(trueLoad / cell.recommendedBooths).toBeLessThanOrEqual(0.85);
    expect(cell.options.find((o) => o.counters === cell.recommendedBooths)!.occupancy).toBeCloseTo(trueLoad / cell.recommendedBooths, 9);
  });
});
