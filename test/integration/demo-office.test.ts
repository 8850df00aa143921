// The demo office as a first-time user meets it: a queue open around the clock, yet visits booked
// only in the real office hours, and devices named in the office's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingInfo, Device, SlotView } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
// Just after midnight on Tuesday 15 January 2030 at the office.
const AFTER_MIDNIGHT = zonedToEpoch('2030-01-15', '00:10', ZONE);
const clock = (at: number) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

let talon: RunningTalon;

beforeAll(async () => {
  talon = await startTalon({ clock: () => AFTER_MIDNIGHT });
});

afterAll(() => talon.close());

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

describe('the demo office', () => {
  it('issues tickets after midnight but offers appointments only from 8:30 to 17:30', async () => {
    const issued = await call(talon, officeApi('/tickets'), { deviceKey: talon.deviceKey('kiosk'), body: { serviceId: 'documents' } });
    expect(issued.status).toBe(200);

    const slots = data(await call<SlotView[]>(talon, officeApi('/public/slots?serviceId=documents&date=2030-01-15')));
    expect(slots.length).toBeGreaterThan(0);
    expect(clock(slots[0]!.start)).toBe('08:30');
    expect(clock(slots.at(-1)!.end) <= '17:30').toBe(true);
  });

  it('offers no Sunday and only the 2nd and 4th Saturday for booking', async () => {
    const { days } = data(await call<BookingInfo>(talon, officeApi('/public/booking')));
    const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
    expect(days).not.toContain('2030-01-20'); // a Sunday
    expect(days).not.toContain('2030-01-19'); // the 3rd Saturday
    expect(days).toContain('2030-01-26'); // the 4th Saturday
    expect(days.filter((d) => weekday(d) === 0)).toEqual([]);
  });

  it('names its devices in the office’s language', async () => {
    const admin = await talon.login('admin');
    const devices = data(await call<Device[]>(talon, officeApi('/devices'), { token: admin }));
    expect(devices.map((d) => d.name).sort()).toEqual(['Принтер терминала', 'Табло в зале', 'Терминал у входа']);
  });
});
