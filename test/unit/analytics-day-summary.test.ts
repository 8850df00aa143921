import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseRecords, summariseVisits } from '../../server/analytics/day-summary';
import { describe as describeValues } from '../../server/analytics/distribution';
import { FamilyBuilder, Histogram } from '../../server/analytics/histogram';
import { LocalClock } from '../../server/analytics/local-clock';
import type { ReportInput } from '../../server/analytics/measures';
import { serviceLevel } from '../../server/analytics/service-level';
import { decodeCounters, decodeLongest, decodeVisits, encodeCounters, encodeLongest, encodeVisits } from '../../server/analytics/summary-codec';
import { longestWaits, waitTimes } from '../../server/analytics/wait-times';
import { ticketRef } from '../../server/realtime/redact';
import { makeService } from '../support/domain-fixtures';
import { visitFrom, type Story } from '../support/analytics-fixtures';

const MINUTE = 60_000;
const UTC = 'UTC';
const clock = new LocalClock(UTC);

function histogramOf(values: number[]): Histogram {
  const builder = new FamilyBuilder<[string]>();
  for (const v of values) builder.add(['k'], v);
  const family = builder.build();
  const histogram = new Histogram();
  family.keys.forEach((_key, i) => histogram.addKey(family, i));
  return histogram;
}

describe('per-second histograms', () => {
  it('describe whole-second durations exactly as the raw values would be described', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 3600 }), { minLength: 1, maxLength: 200 }), (seconds) => {
        const got = histogramOf(seconds.map((s) => s * 1000)).describe();
        const want = describeValues(seconds.map((s) => (s * 1000) / MINUTE));
        expect({ ...got, mean: null }).toEqual({ ...want, mean: null });
        expect(got.mean).toBeCloseTo(want.mean!, 9);
      }),
    );
  });

  it('keep percentiles of any durations within a second and the maximum exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 3600 * 1000 }), { minLength: 1, maxLength: 200 }), (ms) => {
        const got = histogramOf(ms).describe();
        const want = describeValues(ms.map((v) => v / MINUTE));
        expect(Math.abs(got.median! - want.median!)).toBeLessThanOrEqual(1 / 60);
        expect(Math.abs(got.p90! - want.p90!)).toBeLessThanOrEqual(1 / 60);
        expect(got.max).toBe(want.max);
      }),
    );
  });

  it('merge the same key of several days into one distribution', () => {
    const merged = new Histogram();
    for (const day of [[60_000, 120_000], [180_000]]) {
      const builder = new FamilyBuilder<[string]>();
      for (const v of day) builder.add(['k'], v);
      merged.addKey(builder.build(), 0);
    }
    expect(merged.describe()).toEqual({ count: 3, mean: 2, median: 2, p90: 2.8, max: 3 });
  });

  it('handle negative durations (visitors called before the promised time)', () => {
    expect(histogramOf([-120_000, 60_000, 300_000]).describe()).toEqual({ count: 3, mean: 4 / 3, median: 1, p90: 4.2, max: 5 });
  });
});

const MONDAY = '2024-03-04';
const services = new Map([['docs', makeService('docs', { targetWaitMinutes: 15, bookedTargetWaitMinutes: 5 })]]);
// Waits 5, 14, 16 and 25 minutes; the last one gave up.
const STORIES: Story[] = [
  { id: 'a', service: 'docs', issued: '09:00', promised: 4, events: [['09:05', 'ticket-called', 'c1'], ['09:15', 'ticket-finished', 'c1', 'served']] },
  { id: 'b', service: 'docs', issued: '09:00', events: [['09:14', 'ticket-called', 'c1'], ['09:20', 'ticket-finished', 'c1', 'served']] },
  { id: 'c', service: 'docs', issued: '09:10', events: [['09:26', 'ticket-called', 'c1'], ['09:30', 'ticket-finished', 'c1', 'served']] },
  { id: 'd', service: 'docs', issued: '10:00', events: [['10:25', 'ticket-finished', undefined, 'cancelled']] },
];
const visits = STORIES.map((s) => visitFrom(s, MONDAY, UTC));
const input = (targetWaitMinutes: number): ReportInput => ({
  period: { from: MONDAY, to: MONDAY },
  days: summariseRecords(visits, [], clock),
  services: new Map([['docs', makeService('docs', { targetWaitMinutes })]]),
  openHours: new Map(),
});

describe('day summaries', () => {
  it('judge the service level against the target of the moment, not of the day they were made', () => {
    expect(serviceLevel(input(15)).overall.walkIn).toEqual({ counted: 4, within: 2, share: 0.5 });
    expect(serviceLevel(input(16)).overall.walkIn).toEqual({ counted: 4, within: 3, share: 0.75 });
    // The visitor who left after 25 minutes is not counted against a target she had not yet passed.
    expect(serviceLevel(input(30)).overall.walkIn).toEqual({ counted: 3, within: 3, share: 1 });
  });

  it('read back from their stored bytes to the same reports', () => {
    const [day] = summariseRecords(visits, [{ counterId: 'c1', specialistId: 'u1', state: 'open', pauseReason: null, from: Date.UTC(2024, 2, 4, 9), to: Date.UTC(2024, 2, 4, 11) }], clock);
    const stored = { date: day!.date, visits: decodeVisits(encodeVisits(day!.visits, 2)), counters: decodeCounters(encodeCounters(day!.counters)) };
    const again = (days: ReportInput['days']) => ({ period: { from: MONDAY, to: MONDAY }, days, services, openHours: new Map() });
    expect(waitTimes(again([stored]))).toEqual(waitTimes(again([day!])));
    expect(stored.counters).toEqual(day!.counters);
    expect(stored.visits.longest.map((w) => w.ticketId)).toEqual(['d', 'c']);
    expect(decodeLongest(encodeLongest(day!.visits.longest))).toEqual(day!.visits.longest);
  });

  it('keep the longest waits of each day so that a period lists its own longest', () => {
    const tuesday = STORIES.map((s) => visitFrom({ ...s, id: `${s.id}2` }, '2024-03-05', UTC));
    const days = summariseRecords([...visits, ...tuesday], [], clock);
    const top = longestWaits({ period: { from: MONDAY, to: '2024-03-05' }, days, services, openHours: new Map() }, 3);
    expect(top.map((w) => [w.ticketRef, w.waitMinutes])).toEqual([
      [ticketRef('d'), 25],
      [ticketRef('d2'), 25],
      [ticketRef('c'), 16],
    ]);
    expect(summariseVisits(visits, clock, 1).longest.map((w) => w.ticketId)).toEqual(['d']);
  });
});
