import { describe, expect, it } from 'vitest';
import type { DayHours, OfficeSchedule } from '../../common/protocol';
import { hoursOn, officeStatus, openPeriods, weekOfMonth } from '../../server/domain/schedule';
import { zonedToEpoch } from '../../common/time/calendar';

const hours = (open: string, close: string, ...breaks: [string, string][]): DayHours => ({
  open,
  close,
  breaks: breaks.map(([start, end]) => ({ start, end })),
});

// The Belarus seed: lunch on Monday and Saturday only, long Wednesdays and Thursdays.
const MINSK = 'Europe/Minsk';
const belarus: OfficeSchedule = {
  weekly: [
    { weekday: 1, hours: hours('08:00', '17:00', ['12:00', '13:00']) },
    { weekday: 2, hours: hours('08:00', '17:00') },
    { weekday: 3, hours: hours('11:00', '20:00') },
    { weekday: 4, hours: hours('11:00', '20:00') },
    { weekday: 5, hours: hours('08:00', '16:00') },
    { weekday: 6, hours: hours('09:00', '16:00', ['12:00', '13:00']) },
  ],
  holidays: [{ date: '2025-03-08', name: "Women's Day" }],
  exceptions: [],
  cutoffMinutes: 30,
};

// Seed 004: weekdays, plus only the 2nd and 4th Saturday 9:00–12:00. March 2025 has five Saturdays.
const KYIV = 'Europe/Kyiv';
const seed004: OfficeSchedule = {
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: hours('09:00', '18:00', ['13:00', '14:00']) })),
    { weekday: 6, weeksOfMonth: [2, 4], hours: hours('09:00', '12:00') },
  ],
  holidays: [{ date: '2025-03-10', name: 'Bridge day' }],
  exceptions: [
    { date: '2025-03-10', hours: hours('10:00', '14:00'), note: 'Open for the deadline despite the holiday' },
    { date: '2025-03-12', closed: true, note: 'Inventory' },
    { date: '2025-03-16', hours: hours('10:00', '13:00'), note: 'Election Sunday' },
  ],
  cutoffMinutes: 20,
};

const minsk = (date: string, time: string) => zonedToEpoch(date, time, MINSK);
const kyiv = (date: string, time: string) => zonedToEpoch(date, time, KYIV);
const belarusOffice = { schedule: belarus, timeZone: MINSK };
const seedOffice = { schedule: seed004, timeZone: KYIV };

describe('hoursOn with weeks of the month', () => {
  it('opens on the 2nd and 4th Saturday only', () => {
    expect(hoursOn(seed004, '2025-03-08')).toEqual(hours('09:00', '12:00'));
    expect(hoursOn(seed004, '2025-03-22')).toEqual(hours('09:00', '12:00'));
  });

  it('stays closed on the 1st, 3rd and 5th Saturday', () => {
    for (const date of ['2025-03-01', '2025-03-15', '2025-03-29']) expect(hoursOn(seed004, date)).toBeNull();
  });

  it('counts occurrences of the weekday from the first day of the month', () => {
    expect(['2025-03-01', '2025-03-07', '2025-03-08', '2025-03-28', '2025-03-29'].map(weekOfMonth)).toEqual([1, 1, 2, 4, 5]);
  });

  it('prefers the rule for this very week over a rule for every week of the same weekday', () => {
    const schedule: OfficeSchedule = {
      ...seed004,
      weekly: [
        { weekday: 6, hours: hours('10:00', '14:00') },
        { weekday: 6, weeksOfMonth: [2, 4], hours: hours('09:00', '12:00') },
        { weekday: 6, weeksOfMonth: [5], hours: hours('09:00', '10:00') },
      ],
    };
    expect(hoursOn(schedule, '2025-03-01')).toEqual(hours('10:00', '14:00'));
    expect(hoursOn(schedule, '2025-03-08')).toEqual(hours('09:00', '12:00'));
    expect(hoursOn(schedule, '2025-03-29')).toEqual(hours('09:00', '10:00'));
  });

  it('is closed on a weekday without any rule', () => {
    expect(hoursOn(seed004, '2025-03-09')).toBeNull();
  });
});

describe('hoursOn with holidays and exceptions', () => {
  it('closes on a holiday that falls on a working day', () => {
    expect(hoursOn(belarus, '2025-03-08')).toBeNull();
  });

  it('lets a one-off exception override a holiday', () => {
    expect(hoursOn(seed004, '2025-03-10')).toEqual(hours('10:00', '14:00'));
  });

  it('closes on an exception day that would otherwise be open', () => {
    expect(hoursOn(seed004, '2025-03-12')).toBeNull();
  });

  it('opens on an exception day that would otherwise be closed', () => {
    expect(hoursOn(seed004, '2025-03-16')).toEqual(hours('10:00', '13:00'));
  });
});

describe('openPeriods', () => {
  it('splits a Monday around its lunch break but keeps a Tuesday whole', () => {
    expect(openPeriods(belarus, '2025-03-10', MINSK)).toEqual([
      { start: minsk('2025-03-10', '08:00'), end: minsk('2025-03-10', '12:00') },
      { start: minsk('2025-03-10', '13:00'), end: minsk('2025-03-10', '17:00') },
    ]);
    expect(openPeriods(belarus, '2025-03-11', MINSK)).toEqual([
      { start: minsk('2025-03-11', '08:00'), end: minsk('2025-03-11', '17:00') },
    ]);
  });

  it('clips breaks to the opening hours and merges overlapping ones', () => {
    const schedule: OfficeSchedule = {
      ...belarus,
      exceptions: [{ date: '2025-03-11', hours: hours('09:00', '17:00', ['08:00', '09:30'], ['12:00', '13:00'], ['12:30', '13:30'], ['16:30', '18:00']) }],
    };
    expect(openPeriods(schedule, '2025-03-11', MINSK)).toEqual([
      { start: minsk('2025-03-11', '09:30'), end: minsk('2025-03-11', '12:00') },
      { start: minsk('2025-03-11', '13:30'), end: minsk('2025-03-11', '16:30') },
    ]);
  });
});

describe('officeStatus with lunch breaks that differ per weekday', () => {
  it('is on a break at 12:30 on Monday, until 13:00', () => {
    const at = minsk('2025-03-10', '12:30');
    expect(officeStatus(belarusOffice, at)).toEqual({
      state: 'break',
      issuing: false,
      until: minsk('2025-03-10', '13:00'),
      nextOpen: minsk('2025-03-10', '13:00'),
    });
  });

  it('is open at 12:30 on Tuesday, until closing', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-11', '12:30'))).toEqual({
      state: 'open',
      issuing: true,
      until: minsk('2025-03-11', '17:00'),
      nextOpen: null,
    });
  });

  it('is open on Monday morning until the lunch break begins', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-10', '11:00'))).toMatchObject({
      state: 'open',
      until: minsk('2025-03-10', '12:00'),
    });
  });

  it('is on a break on Saturday at 12:00 sharp', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-15', '12:00')).state).toBe('break');
  });

  it('is open until 20:00 on Wednesday and Thursday but closed by then on Tuesday', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-12', '19:00')).state).toBe('open');
    expect(officeStatus(belarusOffice, minsk('2025-03-13', '19:00')).state).toBe('open');
    expect(officeStatus(belarusOffice, minsk('2025-03-11', '19:00')).state).toBe('closed');
  });

  it('after closing on Tuesday names Wednesday 11:00 as the next opening', () => {
    const nextOpen = minsk('2025-03-12', '11:00');
    expect(officeStatus(belarusOffice, minsk('2025-03-11', '17:00'))).toEqual({
      state: 'closed',
      issuing: false,
      until: nextOpen,
      nextOpen,
    });
  });

  it('before opening names the same morning as the next opening', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-12', '10:59')).nextOpen).toBe(minsk('2025-03-12', '11:00'));
  });

  it('is closed all day on a holiday and opens again on the next working day', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-08', '10:00'))).toMatchObject({
      state: 'closed',
      nextOpen: minsk('2025-03-10', '08:00'),
    });
  });
});

describe('officeStatus cut-off before closing', () => {
  it('issues tickets until the cut-off and stays open after it', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-11', '16:29'))).toMatchObject({ state: 'open', issuing: true });
    expect(officeStatus(belarusOffice, minsk('2025-03-11', '16:30'))).toMatchObject({
      state: 'open',
      issuing: false,
      until: minsk('2025-03-11', '17:00'),
    });
  });

  it('measures the cut-off from closing time, not from the lunch break', () => {
    expect(officeStatus(belarusOffice, minsk('2025-03-10', '11:45'))).toMatchObject({ state: 'open', issuing: true });
  });
});

describe('officeStatus next opening', () => {
  it('skips a 1st Saturday and a Sunday to reach Monday', () => {
    expect(officeStatus(seedOffice, kyiv('2025-02-28', '18:30')).nextOpen).toBe(kyiv('2025-03-03', '09:00'));
  });

  it('opens on a Sunday made a working day by an exception, after a closed 3rd Saturday', () => {
    expect(officeStatus(seedOffice, kyiv('2025-03-14', '18:30')).nextOpen).toBe(kyiv('2025-03-16', '10:00'));
  });

  it('finds the 4th Saturday after a Friday evening', () => {
    expect(officeStatus(seedOffice, kyiv('2025-03-21', '18:30')).nextOpen).toBe(kyiv('2025-03-22', '09:00'));
  });

  it('skips a closed exception day', () => {
    expect(officeStatus(seedOffice, kyiv('2025-03-11', '18:00')).nextOpen).toBe(kyiv('2025-03-13', '09:00'));
  });

  it('reaches across the spring clock change with the summer offset', () => {
    expect(officeStatus(seedOffice, Date.parse('2025-03-29T12:00:00Z')).nextOpen).toBe(Date.parse('2025-03-31T06:00:00Z'));
  });

  it('reports no next opening when the office opens on no day within a year', () => {
    const shut = { timeZone: KYIV, schedule: { ...seed004, weekly: [], exceptions: [] } };
    expect(officeStatus(shut, kyiv('2025-03-14', '12:00'))).toEqual({
      state: 'closed',
      issuing: false,
      until: null,
      nextOpen: null,
    });
  });

  it('treats a break that runs until closing as closed', () => {
    const schedule: OfficeSchedule = { ...belarus, exceptions: [{ date: '2025-03-11', hours: hours('08:00', '17:00', ['15:00', '17:00']) }] };
    expect(officeStatus({ schedule, timeZone: MINSK }, minsk('2025-03-11', '15:30'))).toMatchObject({
      state: 'closed',
      nextOpen: minsk('2025-03-12', '11:00'),
    });
  });
});
