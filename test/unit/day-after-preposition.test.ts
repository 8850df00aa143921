import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { dayAfterPreposition } from '../../kiosk/src/office-time';

const ZONE = 'Asia/Irkutsk';
// Monday 4 March 2024 to Sunday 10 March 2024, 08:30 at the office.
const WEEK = [4, 5, 6, 7, 8, 9, 10].map((day) => zonedToEpoch(`2024-03-${String(day).padStart(2, '0')}`, '08:30', ZONE));

describe('a day after a preposition', () => {
  it('puts every Russian weekday in the accusative ("в среду, 6 марта")', () => {
    expect(WEEK.map((at) => dayAfterPreposition(at, 'ru', ZONE))).toEqual([
      'понедельник, 4 марта',
      'вторник, 5 марта',
      'среду, 6 марта',
      'четверг, 7 марта',
      'пятницу, 8 марта',
      'субботу, 9 марта',
      'воскресенье, 10 марта',
    ]);
  });

  it('puts every Ukrainian weekday in the accusative ("в середу, 6 березня")', () => {
    expect(WEEK.map((at) => dayAfterPreposition(at, 'uk', ZONE))).toEqual([
      'понеділок, 4 березня',
      'вівторок, 5 березня',
      'середу, 6 березня',
      'четвер, 7 березня',
      'пʼятницю, 8 березня',
      'суботу, 9 березня',
      'неділю, 10 березня',
    ]);
  });

  it('takes the weekday in the office’s time zone, not the kiosk’s', () => {
    // 23:30 on Tuesday in UTC is already Wednesday morning in Irkutsk.
    expect(dayAfterPreposition(Date.parse('2024-03-05T23:30:00Z'), 'en', ZONE)).toBe('Wednesday 6 March');
  });
});
