import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, clockToMinutes, isoWeekday, localDate, localParts, zonedToEpoch } from '../../common/time/calendar';

const utc = (iso: string) => Date.parse(iso);

describe('service day near local midnight', () => {
  it('in Vladivostok the day turns at 14:00 UTC', () => {
    expect(localDate(utc('2025-03-09T13:59:59.999Z'), 'Asia/Vladivostok')).toBe('2025-03-09');
    expect(localDate(utc('2025-03-09T14:00:00Z'), 'Asia/Vladivostok')).toBe('2025-03-10');
  });

  it('in Los Angeles the day turns at 07:00 UTC in summer time', () => {
    expect(localDate(utc('2025-03-11T06:59:59Z'), 'America/Los_Angeles')).toBe('2025-03-10');
    expect(localDate(utc('2025-03-11T07:00:00Z'), 'America/Los_Angeles')).toBe('2025-03-11');
  });

  it('local parts describe the wall clock, not UTC', () => {
    expect(localParts(utc('2025-03-09T14:05:00Z'), 'Asia/Vladivostok')).toEqual({
      date: '2025-03-10',
      minutes: 5,
      weekday: 1,
      dayOfMonth: 10,
      hour: 0,
    });
    expect(localParts(utc('2025-03-11T06:59:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2025-03-10',
      minutes: 23 * 60 + 59,
      weekday: 1,
      dayOfMonth: 10,
      hour: 23,
    });
  });
});

describe('Kyiv spring change (last Sunday of March, 03:00 → 04:00)', () => {
  const zone = 'Europe/Kyiv';

  it('keeps the service day at midnight before the change', () => {
    expect(localDate(utc('2025-03-29T21:59:00Z'), zone)).toBe('2025-03-29');
    expect(localDate(utc('2025-03-29T22:00:00Z'), zone)).toBe('2025-03-30');
  });

  it('reads 02:59 winter time and then 04:00 summer time one minute later', () => {
    expect(localParts(utc('2025-03-30T00:59:00Z'), zone).minutes).toBe(2 * 60 + 59);
    expect(localParts(utc('2025-03-30T01:00:00Z'), zone).minutes).toBe(4 * 60);
  });

  it('maps times either side of the gap to their own offsets', () => {
    expect(zonedToEpoch('2025-03-30', '02:30', zone)).toBe(utc('2025-03-30T00:30:00Z'));
    expect(zonedToEpoch('2025-03-30', '04:00', zone)).toBe(utc('2025-03-30T01:00:00Z'));
    expect(zonedToEpoch('2025-03-30', '09:00', zone)).toBe(utc('2025-03-30T06:00:00Z'));
  });

  it('moves a time that does not exist forward by the length of the gap', () => {
    expect(zonedToEpoch('2025-03-30', '03:00', zone)).toBe(utc('2025-03-30T01:00:00Z'));
    expect(zonedToEpoch('2025-03-30', '03:30', zone)).toBe(utc('2025-03-30T01:30:00Z'));
  });
});

describe('Kyiv autumn change (last Sunday of October, 04:00 → 03:00)', () => {
  const zone = 'Europe/Kyiv';

  it('maps a time that occurs twice to its first occurrence', () => {
    expect(zonedToEpoch('2025-10-26', '03:00', zone)).toBe(utc('2025-10-26T00:00:00Z'));
    expect(zonedToEpoch('2025-10-26', '03:30', zone)).toBe(utc('2025-10-26T00:30:00Z'));
  });

  it('maps times outside the overlap to the one offset in force', () => {
    expect(zonedToEpoch('2025-10-26', '02:59', zone)).toBe(utc('2025-10-25T23:59:00Z'));
    expect(zonedToEpoch('2025-10-26', '04:00', zone)).toBe(utc('2025-10-26T02:00:00Z'));
  });

  it('reads the repeated hour on both occurrences and keeps the service day', () => {
    for (const instant of ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z']) {
      expect(localParts(utc(instant), zone)).toMatchObject({ date: '2025-10-26', minutes: 3 * 60 + 30 });
    }
    expect(localDate(utc('2025-10-25T20:59:00Z'), zone)).toBe('2025-10-25');
    expect(localDate(utc('2025-10-25T21:00:00Z'), zone)).toBe('2025-10-26');
  });
});

describe('zonedToEpoch', () => {
  it('accepts minutes since midnight as well as a clock time', () => {
    expect(zonedToEpoch('2025-03-10', 9 * 60 + 15, 'Europe/Minsk')).toBe(zonedToEpoch('2025-03-10', '09:15', 'Europe/Minsk'));
    expect(zonedToEpoch('2025-03-10', '09:15', 'Europe/Minsk')).toBe(utc('2025-03-10T06:15:00Z'));
  });

  it('finds the first instant whose wall clock shows the local time of any instant', () => {
    const zones = ['Europe/Kyiv', 'America/Los_Angeles', 'Asia/Vladivostok', 'Australia/Lord_Howe', 'Europe/Minsk'];
    const instants = fc.integer({ min: utc('2020-01-01T00:00:00Z'), max: utc('2030-12-31T00:00:00Z') });
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const wall = localParts(instant, zone);
        const found = zonedToEpoch(wall.date, wall.minutes, zone);
        const sameMinute = instant - (instant % 60_000);
        expect(localParts(found, zone)).toEqual(wall);
        // Equal unless the wall time occurs twice, when the earlier occurrence is chosen.
        expect(found).toBeLessThanOrEqual(sameMinute);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-03-10')).toBe(1);
    expect(isoWeekday('2025-03-15')).toBe(6);
    expect(isoWeekday('2025-03-16')).toBe(7);
  });

  it('turns a clock time into minutes since midnight and rejects anything else', () => {
    expect(clockToMinutes('00:00')).toBe(0);
    expect(clockToMinutes('09:05')).toBe(545);
    expect(clockToMinutes('23:59')).toBe(1439);
    expect(() => clockToMinutes('9h')).toThrow(RangeError);
  });
});
