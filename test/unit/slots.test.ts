import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficeSchedule } from '../../common/protocol';
import { canBook, computeSlots, slotCapacity, type SlotRequest } from '../../server/domain/slots';
import { zonedToEpoch } from '../../common/time/calendar';

const ZONE = 'Europe/Minsk';
const MONDAY = '2025-03-10';
const TUESDAY = '2025-03-11';
const at = (date: string, time: string) => zonedToEpoch(date, time, ZONE);

const schedule: OfficeSchedule = {
  weekly: [
    { weekday: 1, hours: { open: '08:00', close: '17:00', breaks: [{ start: '12:00', end: '13:00' }] } },
    { weekday: 2, hours: { open: '08:00', close: '17:00', breaks: [] } },
    { weekday: 3, hours: { open: '08:00', close: '17:00', breaks: [] } },
  ],
  holidays: [{ date: '2025-03-12', name: 'Holiday' }],
  exceptions: [{ date: TUESDAY, hours: { open: '09:00', close: '12:00', breaks: [] }, note: 'Half day' }],
  cutoffMinutes: 30,
};

function request(overrides: Partial<SlotRequest> = {}): SlotRequest {
  return {
    schedule,
    timeZone: ZONE,
    date: MONDAY,
    slotMinutes: 30,
    countersServing: 2,
    walkInShare: 0,
    booked: new Map(),
    now: at('2025-03-01', '00:00'),
    minLeadMinutes: 0,
    ...overrides,
  };
}

const clockTimes = (starts: number[], date: string) =>
  starts.map((start) => new Date(start - at(date, '00:00')).toISOString().slice(11, 16));

describe('computeSlots tiling', () => {
  it('tiles a Monday around its lunch break', () => {
    const slots = computeSlots(request());
    expect(slots).toHaveLength(16);
    expect(slots[0]?.start).toBe(at(MONDAY, '08:00'));
    expect(slots.at(-1)?.end).toBe(at(MONDAY, '17:00'));
    expect(slots.some((s) => s.start < at(MONDAY, '13:00') && s.end > at(MONDAY, '12:00'))).toBe(false);
  });

  it('drops a slot that would run into the break or past closing', () => {
    const starts = computeSlots(request({ slotMinutes: 45 })).map((s) => s.start);
    expect(clockTimes(starts, MONDAY)).toEqual([
      '08:00', '08:45', '09:30', '10:15', '11:00',
      '13:00', '13:45', '14:30', '15:15', '16:00',
    ]);
  });

  it('offers only the hours of a half day', () => {
    const slots = computeSlots(request({ date: TUESDAY }));
    expect(slots).toHaveLength(6);
    expect(slots[0]?.start).toBe(at(TUESDAY, '09:00'));
    expect(slots.at(-1)?.end).toBe(at(TUESDAY, '12:00'));
  });

  it('offers nothing on a holiday or a day without hours', () => {
    expect(computeSlots(request({ date: '2025-03-12' }))).toEqual([]);
    expect(computeSlots(request({ date: '2025-03-16' }))).toEqual([]);
  });

  it('leaves out slots that start sooner than the minimum lead time', () => {
    const slots = computeSlots(request({ now: at(MONDAY, '10:10'), minLeadMinutes: 30 }));
    expect(slots[0]?.start).toBe(at(MONDAY, '11:00'));
    expect(computeSlots(request({ now: at(MONDAY, '10:30'), minLeadMinutes: 0 }))[0]?.start).toBe(at(MONDAY, '10:30'));
  });

  it('rejects a slot length that is not positive', () => {
    expect(() => computeSlots(request({ slotMinutes: 0 }))).toThrow(RangeError);
  });

  it('never lets a slot overlap another, a break or the closed hours', () => {
    const [open, close] = [at(MONDAY, '08:00'), at(MONDAY, '17:00')];
    const lunch = { start: at(MONDAY, '12:00'), end: at(MONDAY, '13:00') };
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 240 }), (slotMinutes) => {
        const slots = computeSlots(request({ slotMinutes }));
        slots.forEach((slot, i) => {
          expect(slot.end - slot.start).toBe(slotMinutes * 60_000);
          expect(slot.start).toBeGreaterThanOrEqual(open);
          expect(slot.end).toBeLessThanOrEqual(close);
          expect(slot.start >= lunch.end || slot.end <= lunch.start).toBe(true);
          if (i > 0) expect(slot.start).toBeGreaterThanOrEqual(slots[i - 1]!.end);
        });
      }),
    );
  });
});

describe('slot capacity', () => {
  it('keeps the walk-in share and rounds the rest down', () => {
    expect(slotCapacity(10, 0.3)).toBe(7);
    expect(slotCapacity(3, 0.1)).toBe(2);
    expect(slotCapacity(3, 0.34)).toBe(1);
    expect(slotCapacity(2, 0)).toBe(2);
  });

  it('is not lost to floating-point error when the share leaves a whole number', () => {
    // 10 × (1 − 0.9) is 0.9999999999999998 in binary floating point.
    expect(slotCapacity(10, 0.9)).toBe(1);
  });

  it('is zero when everything is kept for walk-ins or nobody serves', () => {
    expect(slotCapacity(4, 1)).toBe(0);
    expect(slotCapacity(0, 0)).toBe(0);
    expect(slotCapacity(4, 1.5)).toBe(0);
  });

  it('subtracts what is already booked and never shows negative room', () => {
    const first = at(MONDAY, '08:00');
    const second = at(MONDAY, '08:30');
    const slots = computeSlots(request({ countersServing: 4, walkInShare: 0.5, booked: new Map([[first, 1], [second, 3]]) }));
    expect(slots[0]).toEqual({ start: first, end: second, capacity: 2, booked: 1, free: 1 });
    expect(slots[1]).toMatchObject({ capacity: 2, booked: 3, free: 0 });
    expect(slots[2]).toMatchObject({ capacity: 2, booked: 0, free: 2 });
  });
});

describe('canBook', () => {
  it('allows a booking only while the slot has room', () => {
    expect(canBook({ capacity: 2, booked: 1 })).toBe(true);
    expect(canBook({ capacity: 2, booked: 2 })).toBe(false);
    expect(canBook({ capacity: 0, booked: 0 })).toBe(false);
  });

  it('never overbooks a slot, whatever the order of booking attempts', () => {
    const attempts = fc.array(fc.nat({ max: 15 }), { maxLength: 120 });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(attempts, fc.integer({ min: 0, max: 6 }), share, (wanted, countersServing, walkInShare) => {
        const booked = new Map<number, number>();
        const tried = new Map<number, number>();
        for (const index of wanted) {
          const slot = computeSlots(request({ countersServing, walkInShare, booked }))[index];
          if (!slot) continue;
          tried.set(slot.start, (tried.get(slot.start) ?? 0) + 1);
          expect(canBook(slot)).toBe(slot.free > 0);
          if (slot.free > 0) booked.set(slot.start, slot.booked + 1);
        }
        for (const slot of computeSlots(request({ countersServing, walkInShare, booked }))) {
          expect(slot.booked).toBeLessThanOrEqual(slot.capacity);
          // Room is never wasted either: every attempt counts until the slot is full.
          expect(slot.booked).toBe(Math.min(tried.get(slot.start) ?? 0, slot.capacity));
        }
      }),
    );
  });
});
