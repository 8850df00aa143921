// The regional heat map from digests equals the office's own peak-hours heat map, whether a month
// comes as one stored digest (arrivals by weekday × hour, active hours per day of the month) or as
// its days — including hours worked outside the schedule, which count as open on that day only.
import { expect, it } from 'vitest';
import type { OfficeSchedule } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { addDigests, digestOf } from '../../server/analytics/day-digest';
import { decodeDigest, encodeDigest } from '../../server/analytics/day-digest-codec';
import { summariseRecords } from '../../server/analytics/day-summary';
import { LocalClock } from '../../server/analytics/local-clock';
import { scheduledOpenHours } from '../../server/analytics/open-days';
import { peakHours } from '../../server/analytics/peak-hours';
import type { CounterInterval, Visit } from '../../server/analytics/visits';
import { regionHeatMap } from '../../server/region/region-heat-map';
import { visitFrom } from '../support/analytics-fixtures';
import { makeService } from '../support/domain-fixtures';

const KYIV = 'Europe/Kyiv';
// Weekdays 9–13; 11 March a holiday.
const schedule: OfficeSchedule = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: { open: '09:00', close: '13:00', breaks: [] } })),
  holidays: [{ date: '2024-03-11', name: 'Holiday' }],
  exceptions: [],
  cutoffMinutes: 0,
};
const services = new Map([['docs', makeService('docs')]]);

function arrivals(date: string, hour: number, count: number): Visit[] {
  const at = (minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) =>
    visitFrom({ id: `${date}-${hour}-${i}`, service: 'docs', issued: at(i), events: [[at(i + 1), 'ticket-called', 'c1'], [at(i + 1), 'ticket-started', 'c1'], [at(i + 5), 'ticket-finished', 'c1', 'served']] }, date, KYIV),
  );
}

const booth = (date: string, from: string, to: string): CounterInterval => ({ counterId: 'c1', specialistId: 'u1', state: 'open', pauseReason: null, from: zonedToEpoch(date, from, KYIV), to: zonedToEpoch(date, to, KYIV) });

it('adds a month up by weekday × hour and keeps the office’s own open days', () => {
  const march = { from: '2024-03-01', to: '2024-03-31' };
  const visits = [
    ...arrivals('2024-03-04', 9, 3),
    ...arrivals('2024-03-18', 10, 2),
    // The holiday and a Sunday worked anyway, and a Tuesday visitor at 15:00, after closing.
    ...arrivals('2024-03-11', 9, 4),
    ...arrivals('2024-03-17', 11, 1),
    ...arrivals('2024-03-05', 15, 1),
  ];
  // A booth open on a Friday evening without any visitor: open that hour too.
  const days = summariseRecords(visits, [booth('2024-03-08', '18:00', '19:30')], new LocalClock(KYIV));
  const openHours = scheduledOpenHours(schedule, march, KYIV);
  const own = peakHours({ period: march, days, services, openHours }).heatmap;

  const month = decodeDigest(encodeDigest(addDigests(days.map((day) => digestOf(day, services)))));
  expect(regionHeatMap(march, [{ digests: [{ key: '2024-03', digest: month }], openHours }])).toEqual(own);
  const byDay = days.map((day) => ({ key: day.date, digest: digestOf(day, services) }));
  expect(regionHeatMap(march, [{ digests: byDay, openHours }])).toEqual(own);

  const cell = (weekday: number, hour: number) => own.find((c) => c.weekday === weekday && c.hour === hour)!;
  expect(cell(1, 9)).toMatchObject({ arrivals: 7, openDays: 4 });
  expect(cell(2, 15)).toMatchObject({ arrivals: 1, openDays: 1 });
  expect(cell(5, 19)).toMatchObject({ arrivals: 0, openDays: 1 });
  // Two offices with the same days: every figure doubles.
  const two = regionHeatMap(march, [{ digests: byDay, openHours }, { digests: [{ key: '2024-03', digest: month }], openHours }]);
  expect(two.find((c) => c.weekday === 1 && c.hour === 9)).toMatchObject({ arrivals: 14, openDays: 8, meanArrivals: 3.5 });
});
