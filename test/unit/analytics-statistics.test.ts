import { describe, expect, it } from 'vitest';
import { compare } from '../../server/analytics/comparison';
import { summariseRecords } from '../../server/analytics/day-summary';
import { describe as describeValues } from '../../server/analytics/distribution';
import { estimateAccuracy } from '../../server/analytics/estimate-accuracy';
import { LocalClock } from '../../server/analytics/local-clock';
import type { ReportInput } from '../../server/analytics/measures';
import { appointments, outcomes } from '../../server/analytics/outcomes';
import { peakHours } from '../../server/analytics/peak-hours';
import { serviceLevel } from '../../server/analytics/service-level';
import { specialistLoad, utilisationBand } from '../../server/analytics/specialist-load';
import { buildCounterIntervals, type CounterEvent, type CounterInterval, type Visit } from '../../server/analytics/visits';
import { longestWaits, waitTimes } from '../../server/analytics/wait-times';
import { ticketRef } from '../../server/realtime/redact';
import { zonedToEpoch } from '../../common/time/calendar';
import { makeService } from '../support/domain-fixtures';
import { visitFrom, type Story } from '../support/analytics-fixtures';

const UTC = 'UTC';
const MONDAY = '2024-03-04';
const services = new Map([
  ['docs', makeService('docs', { targetWaitMinutes: 15, bookedTargetWaitMinutes: 5 })],
  ['certs', makeService('certs', { targetWaitMinutes: 10, bookedTargetWaitMinutes: 5 })],
]);

// Six visits on one Monday, times in UTC. Waits: A 5, B 12 (last call after a recall), C 20, D 30,
// F 4 (booked: from its 10:00 slot, not from arriving at 09:50); E gave up after 30 minutes.
const STORIES: Story[] = [
  { id: 'a', service: 'docs', issued: '09:00', promised: 3, events: [['09:05', 'ticket-called', 'c1'], ['09:06', 'ticket-started', 'c1'], ['09:16', 'ticket-finished', 'c1', 'served']] },
  { id: 'b', service: 'docs', issued: '09:10', promised: 10, events: [['09:20', 'ticket-called', 'c1'], ['09:22', 'ticket-recalled', 'c1'], ['09:23', 'ticket-started', 'c1'], ['09:28', 'ticket-finished', 'c1', 'served']] },
  { id: 'c', service: 'docs', issued: '09:30', promised: 10, events: [['09:50', 'ticket-called', 'c1'], ['09:51', 'ticket-started', 'c1'], ['10:11', 'ticket-finished', 'c1', 'served']] },
  { id: 'd', service: 'docs', issued: '10:00', events: [['10:30', 'ticket-called', 'c1'], ['10:33', 'ticket-finished', 'c1', 'no-show']] },
  { id: 'e', service: 'docs', issued: '10:15', events: [['10:45', 'ticket-finished', undefined, 'cancelled']] },
  { id: 'f', service: 'docs', issued: '09:50', booked: '10:00', events: [['10:04', 'ticket-called', 'c2'], ['10:05', 'ticket-started', 'c2'], ['10:13', 'ticket-finished', 'c2', 'served']] },
];

function inputOf(visits: Visit[], period = { from: MONDAY, to: MONDAY }, timeZone = UTC, intervals: CounterInterval[] = []): ReportInput {
  return { period, days: summariseRecords(visits, intervals, new LocalClock(timeZone)), services, openHours: new Map() };
}

const monday = () => inputOf(STORIES.map((s) => visitFrom(s, MONDAY, UTC)));

describe('distributions', () => {
  it('describe gives mean, median, 90th percentile by linear interpolation, and maximum', () => {
    expect(describeValues([30, 4, 12, 5, 20])).toEqual({ count: 5, mean: 14.2, median: 12, p90: 26, max: 30 });
    expect(describeValues([1, 2, 3, 4]).median).toBe(2.5);
    expect(describeValues([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
  });
});

describe('wait and service times', () => {
  it('measure waits to the last call and booked waits from the slot start', () => {
    const report = waitTimes(monday());
    expect(report.overall.wait).toEqual({ count: 5, mean: 14.2, median: 12, p90: 26, max: 30 });
    // Service: A 10, B 5, C 20, F 8 (the no-show D was never served).
    expect(report.overall.service).toEqual({ count: 4, mean: 10.75, median: 9, p90: 17, max: 20 });
  });

  it('group waits by hour of arrival and by day', () => {
    const report = waitTimes(monday());
    const hour9 = report.byHour.find((r) => r.key === '09')!;
    expect(hour9.wait.count).toBe(4);
    expect(hour9.wait.median).toBe(8.5); // A 5, B 12, C 20, F 4
    expect(report.byHour.find((r) => r.key === '10')!.wait).toMatchObject({ count: 1, mean: 30 });
    expect(report.byDay.map((r) => r.key)).toEqual([MONDAY]);
  });

  it('list the longest waits first, including a visitor who gave up', () => {
    const top = longestWaits(monday(), 3);
    expect(top.map((w) => [w.ticketRef, w.waitMinutes, w.called])).toEqual([
      [ticketRef('d'), 30, true],
      [ticketRef('e'), 30, false],
      [ticketRef('c'), 20, true],
    ]);
  });
});

describe('service level', () => {
  it('counts walk-ins against the walk-in target and booked visitors against the booked target', () => {
    const report = serviceLevel(monday());
    // Walk-ins: A and B within 15; C, D late; E left after the target had passed.
    expect(report.overall.walkIn).toEqual({ counted: 5, within: 2, share: 0.4 });
    expect(report.overall.booked).toEqual({ counted: 1, within: 1, share: 1 });
    expect(report.overall.all).toEqual({ counted: 6, within: 3, share: 0.5 });
    expect(report.byService[0]).toMatchObject({ serviceId: 'docs', walkInTargetMinutes: 15, bookedTargetMinutes: 5 });
  });

  it('leaves out a visitor who left before the target passed', () => {
    const quick = visitFrom({ id: 'q', service: 'docs', issued: '09:00', events: [['09:05', 'ticket-finished', undefined, 'cancelled']] }, MONDAY, UTC);
    expect(serviceLevel(inputOf([quick])).overall.all.counted).toBe(0);
  });
});

describe('outcomes and appointments', () => {
  it('count served, no-show and cancelled visits with their rates', () => {
    const report = outcomes(monday());
    expect(report.overall).toMatchObject({ issued: 6, served: 4, noShow: 1, cancelled: 1, dayEnded: 0, recalled: 1, transferred: 0 });
    expect(report.overall.noShowRate).toBeCloseTo(1 / 6, 10);
    expect(report.overall.walkOutRate).toBeCloseTo(1 / 6, 10);
  });

  it('split booked visitors from walk-ins', () => {
    const report = appointments(monday());
    expect(report.booked).toMatchObject({ issued: 1, served: 1, noShow: 0 });
    expect(report.walkIn).toMatchObject({ issued: 5, served: 3, noShow: 1 });
    expect(report.bookedShare).toBeCloseTo(1 / 6, 10);
  });
});

describe('transfers', () => {
  const transferred = visitFrom(
    {
      id: 'g',
      service: 'docs',
      issued: '11:00',
      events: [
        ['11:10', 'ticket-called', 'c1', undefined, 'u1'],
        ['11:11', 'ticket-started', 'c1', undefined, 'u1'],
        ['11:15', 'ticket-transferred', 'c1', 'certs', 'u1'],
        ['11:40', 'ticket-called', 'c2', undefined, 'u2'],
        ['11:41', 'ticket-started', 'c2', undefined, 'u2'],
        ['11:49', 'ticket-finished', 'c2', 'served', 'u2'],
      ],
    },
    MONDAY,
    UTC,
  );

  it('keep the wait of the first queue and a service time for each counter', () => {
    expect(transferred.transfers).toBe(1);
    expect(transferred.legs.map((l) => [l.serviceId, l.counterId, l.specialistId, l.end])).toEqual([
      ['docs', 'c1', 'u1', 'transferred'],
      ['certs', 'c2', 'u2', 'served'],
    ]);
    const report = waitTimes(inputOf([transferred]));
    expect(report.overall.wait.mean).toBe(10);
    expect(report.byService.map((r) => [r.key, r.service.mean])).toEqual([
      ['certs', 8],
      ['docs', 4],
    ]);
    expect(report.bySpecialist.map((r) => [r.key, r.service.count])).toEqual([
      ['u1', 1],
      ['u2', 1],
    ]);
    expect(outcomes(inputOf([transferred])).overall).toMatchObject({ transferred: 1, served: 1, transferRate: 1 });
  });
});

describe('peak hours', () => {
  it('fill the weekday × hour heat map in the office time zone', () => {
    const report = peakHours(monday());
    const cell = (weekday: number, hour: number) => report.heatmap.find((c) => c.weekday === weekday && c.hour === hour)!;
    expect(cell(1, 9)).toEqual({ weekday: 1, hour: 9, arrivals: 4, openDays: 1, meanArrivals: 4 });
    expect(cell(1, 10).arrivals).toBe(2);
    expect(report.heatmap.reduce((n, c) => n + c.arrivals, 0)).toBe(6);
    expect(report.byHour[10]).toMatchObject({ arrivals: 2, served: 2 }); // C at 10:11, F at 10:13
    expect(report.byDayOfMonth[3]).toMatchObject({ dayOfMonth: 4, arrivals: 6, served: 4 });
  });

  it('put a ticket that crosses midnight on the day and hour it was issued, locally', () => {
    const irkutsk = 'Asia/Irkutsk';
    const late = visitFrom(
      { id: 'n', service: 'docs', issued: '23:50', events: [['2024-03-05 00:10', 'ticket-called', 'c1'], ['2024-03-05 00:20', 'ticket-finished', 'c1', 'served']] },
      MONDAY,
      irkutsk,
    );
    const input = inputOf([late], { from: MONDAY, to: '2024-03-05' }, irkutsk);
    const heat = peakHours(input);
    expect(heat.heatmap.find((c) => c.arrivals > 0)).toMatchObject({ weekday: 1, hour: 23 });
    expect(heat.byHour[0]!.served).toBe(1);
    expect(heat.byDayOfMonth[4]!.served).toBe(1);
    const times = waitTimes(input);
    expect(times.byDay).toEqual([expect.objectContaining({ key: MONDAY })]);
    expect(times.overall.wait.mean).toBe(20);
    expect(times.overall.service.mean).toBe(10);
  });
});

describe('counter intervals and specialist load', () => {
  const at = (time: string) => zonedToEpoch(MONDAY, time, UTC);
  const event = (time: string, kind: CounterEvent['kind'], from: string | null, note: string | null = null, actor = 'user:u1'): CounterEvent => ({
    at: at(time),
    kind,
    counterId: 'c1',
    actor,
    from,
    note,
  });
  const dayStart = at('00:00');
  const dayEnd = zonedToEpoch('2024-03-05', '00:00', UTC);

  it('turn open, pause and close rows into intervals, cutting a forgotten counter at midnight', () => {
    const intervals = buildCounterIntervals(
      [event('09:00', 'counter-opened', 'closed'), event('12:00', 'counter-paused', 'open', 'lunch: canteen'), event('12:30', 'counter-resumed', 'paused'), event('20:00', 'counter-closed', 'open', 'service day ended', 'system')],
      dayStart,
      dayEnd,
    );
    expect(intervals.map((i) => [i.state, i.pauseReason, i.specialistId, i.from, i.to])).toEqual([
      ['open', null, 'u1', at('09:00'), at('12:00')],
      ['paused', 'lunch', 'u1', at('12:00'), at('12:30')],
      ['open', null, 'u1', at('12:30'), dayEnd],
    ]);
  });

  it('compute busy, paused, idle time and utilisation per specialist', () => {
    const intervals = buildCounterIntervals(
      [event('09:00', 'counter-opened', 'closed'), event('12:00', 'counter-paused', 'open', 'lunch'), event('12:30', 'counter-resumed', 'paused'), event('13:00', 'counter-closed', 'open')],
      dayStart,
      dayEnd,
    );
    const visits = STORIES.slice(0, 2).map((s) => visitFrom(s, MONDAY, UTC));
    const [load] = specialistLoad({ days: summariseRecords(visits, intervals, new LocalClock(UTC)) });
    // A: called 09:05 … finished 09:16 = 11 min; B: called 09:20 … 09:28 = 8 min.
    expect(load).toMatchObject({ specialistId: 'u1', served: 2, handled: 2, busyMinutes: 19, openMinutes: 210, idleMinutes: 191, loggedInMinutes: 240 });
    expect(load!.pausedMinutes).toEqual({ lunch: 30, technical: 0, other: 0 });
    expect(load!.utilisation).toBeCloseTo(19 / 240, 10);
    expect(load!.band).toBe('under');
  });

  it('place utilisation against the healthy 75–85 % band', () => {
    expect([0.5, 0.75, 0.85, 0.88, 0.95].map(utilisationBand)).toEqual(['under', 'healthy', 'healthy', 'over', 'burnout']);
  });
});

describe('estimate accuracy and period comparison', () => {
  it('report actual minus promised wait', () => {
    const report = estimateAccuracy(monday());
    // A: 5 − 3 = 2; B: 12 − 10 = 2; C: 20 − 10 = 10 (judged from issue).
    expect(report.overall.error).toEqual({ count: 3, mean: 14 / 3, median: 2, p90: 8.4, max: 10 });
    expect(report.overall.accurateShare).toBeCloseTo(2 / 3, 10);
    expect(report.overall.lateShare).toBeCloseTo(1 / 3, 10);
  });

  it('compare this period with the previous one', () => {
    const previous = inputOf(STORIES.slice(0, 2).map((s) => visitFrom(s, '2024-03-03', UTC)), { from: '2024-03-03', to: '2024-03-03' });
    const result = compare(monday(), previous, 'week');
    expect(result.current.arrivals).toBe(6);
    expect(result.previous.arrivals).toBe(2);
    expect(result.change.arrivals).toBe(4);
    expect(result.previous.meanWaitMinutes).toBe(8.5);
    expect(result.change.meanWaitMinutes).toBeCloseTo(14.2 - 8.5, 10);
    expect(result.change.utilisation).toBeNull();
  });
});
