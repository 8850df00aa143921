// Which dates a client may send: real days of the calendar between 2000 and 2100, nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInPeriod, isCalendarDate } from '../../common/protocol';

describe('calendar dates', () => {
  it('accept every real day from 2000 to 2100, leap days included', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (date) => {
        expect(isCalendarDate(date.toISOString().slice(0, 10))).toBe(true);
      }),
    );
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('refuse days that do not exist, years out of bounds and other shapes', () => {
    for (const text of ['2026-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '9999-99-99', '1999-12-31', '2101-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00', '']) {
      expect([text, isCalendarDate(text)]).toEqual([text, false]);
    }
  });

  it('count the days of a period with both ends included', () => {
    expect(daysInPeriod('2026-03-01', '2026-03-01')).toBe(1);
    expect(daysInPeriod('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInPeriod('2026-03-02', '2026-03-01')).toBe(0);
  });
});
