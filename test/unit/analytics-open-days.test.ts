import { describe, expect, it } from 'vitest';
import type { DayHours, OfficeSchedule } from '../../common/protocol';
import { summariseRecords } from '../../server/analytics/day-summary';
import { LocalClock } from '../../server/analytics/local-clock';
import type { ReportInput } from '../../server/analytics/measures';
import { scheduledOpenHours } from '../../server/analytics/open-days';
import { peakHours } from '../../server/analytics/peak-hours';
import { staffingAdvice } from '../../server/analytics/staffing';
import type { CounterInterval, Visit } from '../../server/analytics/visits';
import { zonedToEpoch } from '../../common/time/calendar';
import { makeService } from '../support/domain-fixtures';
import { visitFrom } from '../support/analytics-fixtures';

const KYIV = 'Europe/Kyiv';
const hours = (open: string, close: string, lunch?: [string, string]): DayHours => ({
  open,
  close,
  breaks: lunch ? [{ start: lunch[0], end: lunch[1] }] : [],
});
// Weekdays 9–18 with lunch 13–14; Saturdays 10–13 on the 2nd and 4th week only; 11 March a holiday.
const schedule: OfficeSchedule = {
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: hours('09:00', '18:00', ['13:00', '14:00']) })),
    { weekday: 6, weeksOfMonth: [2, 4], hours: hours('10:00', '13:00') },
  ],
  holidays: [{ date: '2024-03-11', name: 'Holiday' }],
  exceptions: [],
  cutoffMinutes: 0,
};
const services = new Map([['docs', makeService('docs')]]);

/** `count` visitors arriving in the hour starting at `hour` on `date`, each served for four minutes. */
function arrivals(date: string, hour: number, count: number): Visit[] {
  return Array.from({ length: count }, (_, i) => {
    const at = (minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return visitFrom(
      { id: `${date}-${hour}-${i}`, service: 'docs', issued: at(i), events: [[at(i + 1), 'ticket-called', 'c1'], [at(i + 1), 'ticket-started', 'c1'], [at(i + 5), 'ticket-finished', 'c1', 'served']] },
      date,
      KYIV,
    );
  });
}

function booth(counterId: string, date: string, from: string, to: string): CounterInterval {
  return { counterId, specialistId: 'u1', state: 'open', pauseReason: null, from: zonedToEpoch(date, from, KYIV), to: zonedToEpoch(date, to, KYIV) };
}

function inputOf(period: ReportInput['period'], visits: Visit[], intervals: CounterInterval[] = []): ReportInput {
  return { period, days: summariseRecords(visits, intervals, new LocalClock(KYIV)), services, openHours: scheduledOpenHours(schedule, period, KYIV) };
}

describe('averages over the days the office was open', () => {
  const march = { from: '2024-03-01', to: '2024-03-31' };
  // Counted by hand from a March 2024 calendar: Saturdays 2, 9, 16, 23, 30 (open: the 9th and 23rd);
  // Mondays 4, 11, 18, 25 (the 11th a holiday); Monday–Friday dates 21, open 20.
  const openSaturdays = ['2024-03-09', '2024-03-23'];
  const openMondays = ['2024-03-04', '2024-03-18', '2024-03-25'];
  const openWeekdays = 20;
  const visits = [
    ...arrivals('2024-03-09', 10, 5),
    ...arrivals('2024-03-23', 10, 7),
    ...arrivals('2024-03-04', 9, 3),
    ...arrivals('2024-03-18', 9, 1),
    ...arrivals('2024-03-25', 9, 2),
    // A Sunday worked outside the schedule still counts as an open day at that hour.
    ...arrivals('2024-03-17', 11, 4),
  ];
  const intervals = [booth('c1', '2024-03-09', '10:00', '11:00'), booth('c2', '2024-03-09', '10:00', '11:00'), booth('c1', '2024-03-23', '10:00', '11:00')];
  const input = inputOf(march, visits, intervals);

  it('divide each weekday × hour cell by the days open at that hour, holidays and closed weeks left out', () => {
    const heat = peakHours(input).heatmap;
    const cell = (weekday: number, hour: number) => heat.find((c) => c.weekday === weekday && c.hour === hour)!;
    expect(cell(6, 10)).toEqual({ weekday: 6, hour: 10, arrivals: 12, openDays: openSaturdays.length, meanArrivals: (5 + 7) / openSaturdays.length });
    expect(cell(1, 9)).toEqual({ weekday: 1, hour: 9, arrivals: 6, openDays: openMondays.length, meanArrivals: (3 + 1 + 2) / openMondays.length });
    // Lunch and the closed night stand on no day at all, and show no average.
    expect(cell(1, 13)).toMatchObject({ openDays: 0, meanArrivals: 0 });
    expect(cell(6, 13)).toMatchObject({ openDays: 0, meanArrivals: 0 });
    expect(cell(7, 11)).toMatchObject({ arrivals: 4, openDays: 1, meanArrivals: 4 });
  });

  it('divide the hour-of-day rows, booths open included, by the days open at that hour', () => {
    const report = peakHours(input);
    const open10 = openWeekdays + openSaturdays.length;
    expect(report.byHour[10]).toEqual({ hour: 10, arrivals: 12, served: 12, openDays: open10, meanArrivals: 12 / open10, meanServed: 12 / open10, meanBoothsOpen: 3 / open10 });
    expect(report.byHour[11]!.openDays).toBe(open10 + 1);
    expect(report.byHour[16]!.openDays).toBe(openWeekdays);
    expect(report.workingDays).toBe(openWeekdays + openSaturdays.length + 1);
  });

  it('feed the staffing advisor the arrivals and booths of an open day', () => {
    const saturday = staffingAdvice(input).cells.find((c) => c.weekday === 6 && c.hour === 10)!;
    expect(saturday).toMatchObject({ openDays: 2, arrivalsPerHour: 12 / 2, meanBoothsOpen: (2 + 1) / 2 });
  });

  it('average each day of the month over the dates on which it was an open day', () => {
    // January–March 2024: the 1st is New Year's Day (closed), 1 Feb a Thursday, 1 Mar a Friday;
    // the 31st: 31 Jan a Wednesday, 31 Mar a Sunday.
    const quarter = { from: '2024-01-01', to: '2024-03-31' };
    const withNewYear = { ...schedule, holidays: [{ date: '2024-01-01', name: 'New Year' }] };
    const days = [...arrivals('2024-02-01', 9, 3), ...arrivals('2024-03-01', 9, 5), ...arrivals('2024-01-31', 9, 4)];
    const report = peakHours({ ...inputOf(quarter, days), openHours: scheduledOpenHours(withNewYear, quarter, KYIV) });
    expect(report.byDayOfMonth[0]).toEqual({ dayOfMonth: 1, arrivals: 8, served: 8, openDays: 2, meanArrivals: 4, meanServed: 4 });
    expect(report.byDayOfMonth[30]).toEqual({ dayOfMonth: 31, arrivals: 4, served: 4, openDays: 1, meanArrivals: 4, meanServed: 4 });
  });
});
