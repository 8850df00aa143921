import { describe, expect, it } from 'vitest';
import {
  averageWaitMinutes,
  countersNeeded,
  erlangB,
  offeredLoad,
  probabilityOfWait,
  serviceLevel,
  staffToRoster,
} from '../../server/analytics/erlang-c';
import { summariseRecords } from '../../server/analytics/day-summary';
import { LocalClock } from '../../server/analytics/local-clock';
import { staffingAdvice } from '../../server/analytics/staffing';
import { buildVisit, type TicketEvent } from '../../server/analytics/visits';
import { zonedToEpoch } from '../../common/time/calendar';
import { makeService } from '../support/domain-fixtures';

/** The textbook formula with factorials, to check the recursion against for small c. */
function erlangCByFactorials(c: number, a: number): number {
  let factorial = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) factorial *= k;
    sum += a ** k / factorial;
  }
  const top = (a ** c / (factorial * c)) * (c / (c - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  it('turns 100 arrivals an hour at 3 minutes each into 5 erlangs', () => {
    expect(offeredLoad(100, 3)).toBe(5);
  });

  it('matches values computed by hand from the formula for A = 5', () => {
    // Σ_{k<6} 5^k/k! = 1 + 5 + 12.5 + 20.8333 + 26.0417 + 26.0417 = 91.4167; 5^6/6! · 6 = 130.2083;
    // P(wait) = 130.2083 / 221.6250 = 0.5875.
    expect(probabilityOfWait(6, 5)).toBeCloseTo(0.5875, 4);
    expect(averageWaitMinutes(6, 5, 3)).toBeCloseTo(1.7625, 4);
    expect(probabilityOfWait(7, 5)).toBeCloseTo(0.3241, 4);
    expect(probabilityOfWait(8, 5)).toBeCloseTo(0.1673, 4);
  });

  it('matches the published call-centre example: 10 erlangs, 11 agents, 3-minute calls, 20-second target', () => {
    expect(probabilityOfWait(11, 10)).toBeCloseTo(0.6821, 4);
    expect(averageWaitMinutes(11, 10, 3) * 60).toBeCloseTo(122.8, 1);
    expect(serviceLevel(11, 10, 3, 20 / 60)).toBeCloseTo(0.3896, 4);
    expect(countersNeeded(10, 3, { serviceLevel: 0.8, targetMinutes: 20 / 60, maxOccupancy: 1 })).toBe(14);
  });

  it('agrees with the factorial formula wherever that one is still exact', () => {
    for (const c of [1, 2, 5, 10, 20, 30]) {
      for (const share of [0.1, 0.5, 0.9, 0.99]) {
        expect(probabilityOfWait(c, c * share)).toBeCloseTo(erlangCByFactorials(c, c * share), 10);
      }
    }
  });

  it('stays finite and between 0 and 1 for hundreds of counters', () => {
    const p = probabilityOfWait(500, 480);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(erlangB(1000, 990)).toBeGreaterThan(0);
  });

  it('says everyone waits when the load reaches the counters', () => {
    expect(probabilityOfWait(5, 5)).toBe(1);
    expect(averageWaitMinutes(5, 6, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(serviceLevel(5, 6, 3, 15)).toBe(0);
  });

  it('respects the occupancy cap even when the service level is already met', () => {
    expect(countersNeeded(10, 3, { serviceLevel: 0.8, targetMinutes: 20 / 60, maxOccupancy: 0.6 })).toBe(17);
    expect(staffToRoster(14, 0.3)).toBe(20);
  });
});

describe('staffing advisor', () => {
  it('recommends the smallest booth count that meets the goal, with its neighbours and the booths open', () => {
    // One Monday, hour 9: 100 arrivals, each served for exactly 3 minutes ⇒ A = 5 erlangs.
    const day = '2024-03-04';
    const visits = Array.from({ length: 100 }, (_, i) => {
      const issuedAt = zonedToEpoch(day, '09:00', 'UTC') + i * 36_000;
      const called = issuedAt + 60_000;
      const event = (at: number, kind: TicketEvent['kind'], to: string | null = null): TicketEvent => ({ at, kind, counterId: 'c1', actor: 'user:u1', to });
      return buildVisit(
        { ticketId: `v${i}`, code: `V${i}`, issuedServiceId: 'docs', source: 'kiosk', priorityKind: 'normal', slotStart: null, issuedAt, promisedWaitMinutes: null },
        [event(called, 'ticket-called'), event(called, 'ticket-started'), event(called + 180_000, 'ticket-finished', 'served')],
      );
    });
    const result = staffingAdvice(
      {
        period: { from: day, to: day },
        days: summariseRecords(
          visits,
          [{ counterId: 'c1', specialistId: 'u1', state: 'open', pauseReason: null, from: zonedToEpoch(day, '09:00', 'UTC'), to: zonedToEpoch(day, '10:00', 'UTC') }],
          new LocalClock('UTC'),
        ),
        services: new Map([['docs', makeService('docs')]]),
        openHours: new Map(),
      },
      { serviceLevel: 0.8, targetMinutes: 0.25, maxOccupancy: 0.85, shrinkage: 0 },
    );
    expect(result.serviceMinutes).toBe(3);
    expect(result.cells).toHaveLength(1);
    const cell = result.cells[0]!;
    expect(cell).toMatchObject({ weekday: 1, hour: 9, arrivalsPerHour: 100, load: 5, recommendedBooths: 8, meanBoothsOpen: 1, measuredServiceLevel: 1 });
    // SL(7) = 1 − 0.3241·e^(−2·0.25/3) = 0.7256 < 0.8; SL(8) = 1 − 0.1673·e^(−0.25) = 0.8697.
    expect(cell.options.map((o) => [o.counters, o.meetsGoal])).toEqual([
      [7, false],
      [8, true],
      [9, true],
    ]);
    expect(cell.options[0]!.serviceLevel).toBeCloseTo(0.7256, 4);
    expect(cell.options[1]!.serviceLevel).toBeCloseTo(0.8697, 4);
    expect(cell.options[1]!.averageWaitMinutes).toBeCloseTo((0.1673 * 3) / 3, 3);
  });
});
