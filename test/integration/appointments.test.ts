// The appointment book against the real server: booking by staff, overbooking under concurrency,
// check-in at the kiosk, booked visitors called at their time, no-shows, and the public page's API.
import { afterEach, describe, expect, it } from 'vitest';
import {
  APPOINTMENT_CODE_ALPHABET,
  type Appointment,
  type BookingInfo,
  type BookingReceipt,
  type CheckInResult,
  type QueueSnapshot,
  type SlotView,
  type Ticket,
} from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { ticketRef } from '../../server/realtime/redact';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
const TODAY = '2030-01-15';
const local = (time: string, date = TODAY) => zonedToEpoch(date, time, ZONE);
const CODE = new RegExp(`^[${APPOINTMENT_CODE_ALPHABET}]{6}$`);

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function movableClock(start: number): { clock: () => number; set(at: number): void } {
  let now = start;
  return { clock: () => now, set: (at) => (now = at) };
}

async function startAtNoon() {
  const time = movableClock(local('12:00'));
  server = await startTalon({ clock: time.clock });
  return { time, server, consultant: await server.login('consultant') };
}

const visitor = (slotStart: number, overrides: Record<string, unknown> = {}) => ({
  serviceId: 'documents',
  slotStart,
  name: 'Ольга Васильевна Кравец',
  phone: '+7 (900) 123-45-67',
  ...overrides,
});

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

async function book(server: RunningTalon, token: string, slotStart: number, overrides: Record<string, unknown> = {}): Promise<Appointment> {
  return data(await call<Appointment>(server, officeApi('/appointments'), { body: visitor(slotStart, overrides), token }));
}

describe('booking by staff', () => {
  it('books, finds by day, phone and code, moves and cancels a visit', async () => {
    const { server, consultant } = await startAtNoon();
    const booked = await book(server, consultant, local('14:00'));
    expect(booked).toMatchObject({ status: 'booked', serviceId: 'documents', day: TODAY, slotStart: local('14:00'), slotEnd: local('14:15') });
    expect(booked.code).toMatch(CODE);

    const byDay = data(await call<Appointment[]>(server, officeApi(`/appointments?day=${TODAY}`), { token: consultant }));
    expect(byDay.map((a) => a.id)).toEqual([booked.id]);
    const byPhone = data(await call<Appointment[]>(server, officeApi('/appointments?phone=9001234567'), { token: consultant }));
    expect(byPhone.map((a) => a.id)).toEqual([booked.id]);
    const byCode = data(await call<Appointment[]>(server, officeApi(`/appointments?code=${booked.code.toLowerCase()}`), { token: consultant }));
    expect(byCode.map((a) => a.id)).toEqual([booked.id]);

    const moved = data(await call<Appointment>(server, officeApi(`/appointments/${booked.id}`), { method: 'PATCH', body: { slotStart: local('14:15') }, token: consultant }));
    expect(moved).toMatchObject({ slotStart: local('14:15'), slotEnd: local('14:30'), code: booked.code });
    const slots = data(await call<SlotView[]>(server, officeApi(`/appointments/slots?serviceId=documents&date=${TODAY}`), { token: consultant }));
    // Four booths serve documents and half is kept for walk-ins: two bookable places per slot.
    expect(slots.find((s) => s.start === local('14:00'))?.free).toBe(2);
    expect(slots.find((s) => s.start === local('14:15'))?.free).toBe(1);

    const cancelled = data(await call<Appointment>(server, officeApi(`/appointments/${booked.id}/cancel`), { body: {}, token: consultant }));
    expect(cancelled.status).toBe('cancelled');
    const again = data(await call<SlotView[]>(server, officeApi(`/appointments/slots?serviceId=documents&date=${TODAY}`), { token: consultant }));
    expect(again.find((s) => s.start === local('14:15'))?.free).toBe(2);
    const moveCancelled = await call(server, officeApi(`/appointments/${booked.id}`), { method: 'PATCH', body: { slotStart: local('15:00') }, token: consultant });
    expect(moveCancelled.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a time that is not a slot start, and a slot already past', async () => {
    const { server, consultant } = await startAtNoon();
    const offGrid = await call(server, officeApi('/appointments'), { body: visitor(local('14:07')), token: consultant });
    expect(offGrid.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const past = await call(server, officeApi('/appointments'), { body: visitor(local('11:00')), token: consultant });
    expect(past.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets a manager read the book but not write it, and keeps operators and the public out', async () => {
    const { server, consultant } = await startAtNoon();
    const booked = await book(server, consultant, local('14:00'));
    const manager = await server.login('manager');
    const operator = await server.login('operator1');
    expect((await call(server, officeApi(`/appointments/${booked.id}`), { token: manager })).status).toBe(200);
    expect((await call(server, officeApi('/appointments'), { body: visitor(local('15:00')), token: manager })).status).toBe(403);
    const byOperator = await call(server, officeApi('/appointments'), { body: visitor(local('15:00')), token: operator });
    expect(byOperator).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect((await call(server, officeApi(`/appointments?day=${TODAY}`), { token: operator })).status).toBe(403);
    expect((await call(server, officeApi('/appointments'), { body: visitor(local('15:00')) })).status).toBe(401);
  });

  it('never books more visitors into a slot than it holds, however many consultants book at once', async () => {
    const { server, consultant } = await startAtNoon();
    const admin = await server.login('admin');
    const settings = data(await call<Record<string, unknown>>(server, officeApi('/appointments/settings'), { token: admin }));
    // 4 booths with three quarters kept for walk-ins: room for exactly one booking per slot.
    const saved = await call(server, officeApi('/appointments/settings'), { method: 'PUT', body: { ...settings, serviceWalkInShare: { documents: 0.75 } }, token: admin });
    expect(saved.body.ok).toBe(true);
    const slotStart = local('16:00');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(server, officeApi('/appointments'), { body: visitor(slotStart, { phone: `+7 900 000 00 ${10 + i}` }), token: consultant })),
    );
    expect(answers.filter((a) => a.body.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.body.ok).map((a) => (a.body.ok ? '' : a.body.error.code))).toEqual(Array(19).fill('slot-full'));
    const held = data(await call<Appointment[]>(server, officeApi(`/appointments?day=${TODAY}`), { token: consultant }));
    expect(held.filter((a) => a.slotStart === slotStart && a.status === 'booked')).toHaveLength(1);
  });
});

describe('check-in', () => {
  it('gives a kiosk a booked ticket, called before walk-ins once the slot is due', async () => {
    const { time, server, consultant } = await startAtNoon();
    const kiosk = server.deviceKey('kiosk');
    const booked = await book(server, consultant, local('12:30'));
    for (let i = 0; i < 2; i++) await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });

    const checkedIn = data(await call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: booked.code }, deviceKey: kiosk }));
    expect(checkedIn).toMatchObject({ as: 'booked', repeated: false, slotStart: local('12:30') });
    expect(checkedIn.ticket).toMatchObject({
      serviceId: 'documents',
      source: 'appointment',
      priority: { kind: 'booked', appointmentId: booked.id, slotStart: local('12:30') },
      // Checked in at a kiosk: printed like any kiosk ticket.
      print: 'pending',
    });

    const operator = await server.login('operator1');
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    // Half an hour early: the walk-ins who came first go first.
    const first = data(await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator }));
    expect(first.ticket.priority.kind).toBe('normal');
    await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token: operator });

    time.set(local('12:26')); // due: the office calls booked visitors 5 minutes ahead
    const second = data(await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator }));
    expect(second.ticket.id).toBe(checkedIn.ticket.id);
    expect(second.ticket.callReason).toEqual({ kind: 'appointment', slotStart: local('12:30') });
    const stored = data(await call<Appointment>(server, officeApi(`/appointments/${booked.id}`), { token: consultant }));
    expect(stored).toMatchObject({ status: 'checked-in', ticketId: checkedIn.ticket.id });
  });

  it('gives the same ticket when a code is checked in twice, even at the same moment', async () => {
    const { server, consultant } = await startAtNoon();
    const kiosk = server.deviceKey('kiosk');
    const booked = await book(server, consultant, local('12:15'));
    const [a, b] = await Promise.all([
      call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: booked.code }, deviceKey: kiosk }),
      call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: booked.code.toLowerCase() }, token: consultant }),
    ]);
    const later = data(await call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: booked.code }, deviceKey: kiosk }));
    expect(new Set([data(a).ticket.id, data(b).ticket.id, later.ticket.id]).size).toBe(1);
    expect([data(a).repeated, data(b).repeated].sort()).toEqual([false, true]);
    expect(later.repeated).toBe(true);
    const snapshot = data(await call<QueueSnapshot>(server, officeApi('/snapshot'), { token: consultant }));
    expect(snapshot.tickets.filter((t) => t.source === 'appointment')).toHaveLength(1);
  });

  it('refuses an arrival before the window, and treats one after the grace period as the office says', async () => {
    const { time, server, consultant } = await startAtNoon();
    const kiosk = server.deviceKey('kiosk');
    const early = await book(server, consultant, local('14:00'));
    const tooEarly = await call(server, officeApi('/appointments/check-in'), { body: { code: early.code }, deviceKey: kiosk });
    expect(tooEarly.body).toMatchObject({ ok: false, error: { code: 'not-due-yet', details: { opensAt: local('13:00') } } });

    time.set(local('14:21'));
    const late = data(await call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: early.code }, deviceKey: kiosk }));
    expect(late.as).toBe('walk-in');
    expect(late.ticket.priority).toEqual({ kind: 'normal' });

    const strict = await book(server, consultant, local('14:30'), { phone: '+7 900 555 44 33' });
    const admin = await server.login('admin');
    const settings = data(await call<Record<string, unknown>>(server, officeApi('/appointments/settings'), { token: admin }));
    await call(server, officeApi('/appointments/settings'), { method: 'PUT', body: { ...settings, lateArrival: 'refuse' }, token: admin });
    time.set(local('14:51'));
    const refused = await call(server, officeApi('/appointments/check-in'), { body: { code: strict.code }, deviceKey: kiosk });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'late' } } });
  });

  it('answers an unknown code with not-found and lets no display or operator check in', async () => {
    const { server, consultant } = await startAtNoon();
    const booked = await book(server, consultant, local('12:15'));
    const unknown = await call(server, officeApi('/appointments/check-in'), { body: { code: 'AAAAAA' }, deviceKey: server.deviceKey('kiosk') });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const display = await call(server, officeApi('/appointments/check-in'), { body: { code: booked.code }, deviceKey: server.deviceKey('display') });
    expect(display.status).toBe(403);
    const operator = await call(server, officeApi('/appointments/check-in'), { body: { code: booked.code }, token: await server.login('operator1') });
    expect(operator.status).toBe(403);
  });

  it('marks booked visitors who never came as no-shows once their slot is over', async () => {
    const { time, consultant } = await startAtNoon();
    let running = server!;
    const missed = await book(running, consultant, local('12:15'));
    const came = await book(running, consultant, local('12:15'), { phone: '+7 900 222 33 44' });
    const later = await book(running, consultant, local('13:00'), { phone: '+7 900 222 33 55' });
    await call(running, officeApi('/appointments/check-in'), { body: { code: came.code }, deviceKey: running.deviceKey('kiosk') });

    time.set(local('12:36')); // the slot ended at 12:30, the grace period at 12:35
    running = await running.restart(); // the sweep runs at startup (and every minute after)
    server = running;
    const token = await running.login('consultant');
    const status = async (a: Appointment) => data(await call<Appointment>(running, officeApi(`/appointments/${a.id}`), { token })).status;
    expect(await status(missed)).toBe('no-show');
    expect(await status(came)).toBe('checked-in');
    expect(await status(later)).toBe('booked');
  });
});

describe('the public booking page', () => {
  it('shows bookable services and days, books a free slot and answers with the code only', async () => {
    const { time, server, consultant } = await startAtNoon();
    const info = data(await call<BookingInfo>(server, officeApi('/public/booking')));
    expect(info.services.map((s) => s.id)).toEqual(['certificates', 'documents', 'consultation']);
    // Fourteen days ahead, booked in the demo's real hours: not the Sundays nor the 3rd Saturday (the 19th).
    expect(info.days).toHaveLength(11);
    expect(info.days).not.toContain('2030-01-19');
    expect(info.days[0]).toBe(TODAY);

    const slots = data(await call<SlotView[]>(server, officeApi(`/public/slots?serviceId=documents&date=${TODAY}`)));
    // Visitors book at least an hour ahead.
    expect(slots[0]?.start).toBe(local('13:00'));
    const tooSoon = await call(server, officeApi('/public/appointments'), { body: visitor(local('12:30')) });
    expect(tooSoon.body).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const receipt = data(await call<BookingReceipt>(server, officeApi('/public/appointments'), { body: visitor(local('13:00'), { language: 'uk' }) }));
    expect(receipt).toEqual({
      code: expect.stringMatching(CODE),
      serviceId: 'documents',
      slotStart: local('13:00'),
      slotEnd: local('13:15'),
      manageUrl: expect.stringMatching(/^\/book\/manage\/\?office=main#[\w-]{22}$/),
    });
    const stored = data(await call<Appointment[]>(server, officeApi(`/appointments?code=${receipt.code}`), { token: consultant }));
    expect(stored[0]).toMatchObject({ createdBy: 'public', language: 'uk', name: 'Ольга Васильевна Кравец' });


    time.set(local('12:30'));
    const checkedIn = data(await call<CheckInResult>(server, officeApi('/appointments/check-in'), { body: { code: receipt.code }, deviceKey: server.deviceKey('kiosk') }));
    const publicSnapshot = JSON.stringify(data(await call<QueueSnapshot>(server, officeApi('/snapshot'))));
    expect(publicSnapshot).toContain(ticketRef(checkedIn.ticket.id));
    expect(publicSnapshot).not.toContain(checkedIn.ticket.id);
    expect(publicSnapshot).not.toContain('Кравец');
    expect(publicSnapshot).not.toContain('123-45-67');
  });

  it('limits bookings per phone number', async () => {
    const { server } = await startAtNoon();
    expect((await call(server, officeApi('/public/appointments'), { body: visitor(local('13:00')) })).body.ok).toBe(true);
    expect((await call(server, officeApi('/public/appointments'), { body: visitor(local('13:15')) })).body.ok).toBe(true);
    const third = await call(server, officeApi('/public/appointments'), { body: visitor(local('13:30')) });
    expect(third.body).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'phone-limit' } } });
  });

  it('limits bookings and slot look-ups per address', async () => {
    const { server } = await startAtNoon();
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await call(server, officeApi('/public/appointments'), { body: visitor(local('13:00'), { serviceId: 'consultation', phone: `+7 900 111 22 ${30 + i}` }) }));
    }
    expect(answers.slice(0, 5).every((a) => a.status !== 429)).toBe(true);
    expect(answers[5]).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate-limited' } } });

    const lookups = [];
    for (let i = 0; i < 61; i++) lookups.push((await call(server, officeApi(`/public/slots?serviceId=documents&date=${TODAY}`))).status);
    expect(lookups.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(lookups[60]).toBe(429);
  });
});
