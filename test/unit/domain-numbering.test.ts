import { describe, expect, it } from 'vitest';
import { nextNumber } from '../../server/domain/numbering';
import { zonedToEpoch } from '../../common/time/calendar';
import { cancel, Desk, HOUR, issue, KIOSK, makeConfig, makeService, MINUTE } from '../support/domain-fixtures';

const utc = (iso: string) => Date.parse(iso);

function numbersOf(desk: Desk, serviceId: string, times: number[]): { day: string; number: number; code: string }[] {
  return times.map((at) => {
    desk.clock.now = at;
    const ticket = desk.must(issue(serviceId), KIOSK);
    return { day: ticket.serviceDay, number: ticket.number, code: ticket.code };
  });
}

describe('ticket numbers within a service day', () => {
  it('each service counts from its own start number', () => {
    const desk = new Desk(makeConfig({ services: [makeService('A'), makeService('B', { startNumber: 500 })] }), utc('2025-03-10T09:00:00Z'));
    const codes = ['A', 'B', 'A', 'B', 'A'].map((serviceId) => desk.must(issue(serviceId), KIOSK).code);
    expect(codes).toEqual(['A100', 'B500', 'A101', 'B501', 'A102']);
  });

  it('a service without a prefix shows the bare number', () => {
    const desk = new Desk(makeConfig({ services: [makeService('A', { prefix: '' })] }), utc('2025-03-10T09:00:00Z'));
    expect(desk.must(issue('A'), KIOSK).code).toBe('100');
  });

  it('a cancelled ticket does not give its number back', () => {
    const desk = new Desk(makeConfig(), utc('2025-03-10T09:00:00Z'));
    const first = desk.must(issue('A'), KIOSK);
    desk.must(cancel(first.id));
    expect(desk.must(issue('A'), KIOSK).number).toBe(101);
  });

  it('refuses a ticket beyond the daily limit and leaves the numbering as it was', () => {
    const desk = new Desk(makeConfig({ services: [makeService('A', { dailyLimit: 2 })] }), utc('2025-03-10T09:00:00Z'));
    desk.must(issue('A'), KIOSK);
    desk.must(issue('A'), KIOSK);
    const before = desk.state;
    const refused = desk.run(issue('A'), KIOSK);
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'daily-limit-reached' }) });
    expect(desk.state).toBe(before);
  });

  it('the daily limit counts again from zero on the next day', () => {
    const desk = new Desk(makeConfig({ services: [makeService('A', { dailyLimit: 1 })] }), utc('2025-03-10T09:00:00Z'));
    desk.must(issue('A'), KIOSK);
    expect(desk.run(issue('A'), KIOSK).ok).toBe(false);
    desk.clock.advance(24 * HOUR);
    expect(desk.must(issue('A'), KIOSK).number).toBe(100);
  });

  it('refuses a ticket once the end number is used', () => {
    const desk = new Desk(makeConfig({ services: [makeService('A', { startNumber: 998, endNumber: 999 })] }), utc('2025-03-10T09:00:00Z'));
    expect(desk.must(issue('A'), KIOSK).number).toBe(998);
    expect(desk.must(issue('A'), KIOSK).number).toBe(999);
    const refused = desk.run(issue('A'), KIOSK);
    expect(refused.ok || refused.error.code).toBe('numbers-exhausted');
  });

  it('a start number raised mid-day continues from it, and one lowered mid-day never repeats a number', () => {
    const today = '2025-03-10';
    const service = makeService('A');
    const raised = nextNumber({ ...service, startNumber: 300 }, { day: today, last: 104, issued: 5 }, today);
    expect(raised).toEqual({ ok: true, number: 300, numbering: { day: today, last: 300, issued: 6 } });
    const lowered = nextNumber({ ...service, startNumber: 50 }, { day: today, last: 104, issued: 5 }, today);
    expect(lowered).toEqual({ ok: true, number: 105, numbering: { day: today, last: 105, issued: 6 } });
  });
});

describe('the service day follows the office time zone', () => {
  it('in Irkutsk numbering restarts at local midnight (16:00 UTC), not at UTC midnight', () => {
    const desk = new Desk(makeConfig({ timeZone: 'Asia/Irkutsk' }), 0);
    const issued = numbersOf(desk, 'A', [
      utc('2025-03-10T02:00:00Z'), // 10:00 on the 10th in Irkutsk
      utc('2025-03-10T15:59:59Z'), // 23:59:59 on the 10th
      utc('2025-03-10T16:00:00Z'), // 00:00 on the 11th: a new day
      utc('2025-03-10T23:59:00Z'), // 07:59 on the 11th
      utc('2025-03-11T00:00:00Z'), // UTC midnight, 08:00 on the 11th: the same day goes on
    ]);
    expect(issued).toEqual([
      { day: '2025-03-10', number: 100, code: 'A100' },
      { day: '2025-03-10', number: 101, code: 'A101' },
      { day: '2025-03-11', number: 100, code: 'A100' },
      { day: '2025-03-11', number: 101, code: 'A101' },
      { day: '2025-03-11', number: 102, code: 'A102' },
    ]);
  });

  it('the restart is lazy: after a quiet night the first ticket of the day starts again', () => {
    const desk = new Desk(makeConfig({ timeZone: 'Asia/Irkutsk' }), utc('2025-03-10T02:00:00Z'));
    desk.must(issue('A'), KIOSK);
    desk.must(issue('A'), KIOSK);
    expect(desk.state.numbering.get('A')).toEqual({ day: '2025-03-10', last: 101, issued: 2 });
    desk.clock.advance(3 * 24 * HOUR);
    expect(desk.must(issue('A'), KIOSK)).toMatchObject({ serviceDay: '2025-03-13', number: 100 });
  });

  it('on the 25-hour autumn day in Berlin the repeated hour keeps counting and only local midnight restarts', () => {
    const desk = new Desk(makeConfig({ timeZone: 'Europe/Berlin' }), 0);
    const issued = numbersOf(desk, 'A', [
      utc('2025-10-25T22:30:00Z'), // 00:30 CEST on the 26th
      utc('2025-10-26T00:30:00Z'), // 02:30 CEST
      utc('2025-10-26T01:30:00Z'), // 02:30 CET, the same wall time again
      utc('2025-10-26T22:59:00Z'), // 23:59 CET
      utc('2025-10-26T23:00:00Z'), // 00:00 CET on the 27th
    ]);
    expect(issued.map((t) => `${t.day} ${t.number}`)).toEqual([
      '2025-10-26 100',
      '2025-10-26 101',
      '2025-10-26 102',
      '2025-10-26 103',
      '2025-10-27 100',
    ]);
  });

  it('on the 23-hour spring day in Berlin the day still ends at local midnight', () => {
    const timeZone = 'Europe/Berlin';
    const desk = new Desk(makeConfig({ timeZone }), 0);
    const start = zonedToEpoch('2025-03-30', '01:59', timeZone);
    const issued = numbersOf(desk, 'A', [start, start + MINUTE, zonedToEpoch('2025-03-30', '23:59', timeZone), zonedToEpoch('2025-03-31', '00:00', timeZone)]);
    expect(issued.map((t) => `${t.day} ${t.number}`)).toEqual(['2025-03-30 100', '2025-03-30 101', '2025-03-30 102', '2025-03-31 100']);
    // 01:59 plus a minute is 03:00 on the clock: the hour that does not exist is simply skipped.
    expect(start + MINUTE).toBe(zonedToEpoch('2025-03-30', '03:00', timeZone));
  });
});
