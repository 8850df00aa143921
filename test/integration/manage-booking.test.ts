// The visitor manages their own booking (#13): by the receipt's link or by code and phone, they see,
// move and cancel it; the slot is free again at once, the staff see who cancelled and when, a wrong
// code answers as an unknown one and costs the asker, and only the office's staff hear of a change.
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, AppointmentsChanged, BookingReceipt, ManagedBooking, SlotView } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
const TODAY = '2030-01-15';
const local = (time: string, date = TODAY) => zonedToEpoch(date, time, ZONE);
const PHONE = '+7 (900) 123-45-67';

let server: RunningTalon | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

async function startAtNoon() {
  let now = local('12:00');
  server = await startTalon({ clock: () => now });
  return { server, setTime: (at: number) => (now = at), consultant: await server.login('consultant') };
}

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

async function bookPublicly(server: RunningTalon, slotStart: number, phone = PHONE): Promise<BookingReceipt & { token: string }> {
  const receipt = data(await call<BookingReceipt>(server, officeApi('/public/appointments'), { body: { serviceId: 'documents', slotStart, name: 'Ольга Кравец', phone } }));
  return { ...receipt, token: receipt.manageUrl.split('#')[1]! };
}

const freeAt = async (server: RunningTalon, start: number) =>
  data(await call<SlotView[]>(server, officeApi(`/public/slots?serviceId=documents&date=${TODAY}`))).find((s) => s.start === start)?.free;

const staffView = async (server: RunningTalon, token: string, code: string) =>
  data(await call<Appointment[]>(server, officeApi(`/appointments?code=${code}`), { token }))[0]!;

describe('a visitor managing their booking', () => {
  it('sees, moves and cancels it by the link, and the slots are free again at once', async () => {
    const { server, consultant, setTime } = await startAtNoon();
    const booking = await bookPublicly(server, local('13:00'));
    // Two bookable places per slot (four booths, half kept for walk-ins).
    expect(await freeAt(server, local('13:00'))).toBe(1);

    const seen = data(await call<ManagedBooking>(server, officeApi('/public/bookings/view'), { body: { token: booking.token } }));
    expect(seen).toEqual({ code: booking.code, serviceId: 'documents', day: TODAY, slotStart: local('13:00'), slotEnd: local('13:15'), status: 'booked', changeable: true, cancelledBy: null });
    // A link found on a lost phone tells nothing of whose booking it is.
    expect(JSON.stringify(seen)).not.toMatch(/Кравец|123/);

    const moved = data(await call<ManagedBooking>(server, officeApi('/public/bookings/move'), { body: { token: booking.token, slotStart: local('14:00') } }));
    expect(moved).toMatchObject({ code: booking.code, slotStart: local('14:00'), slotEnd: local('14:15'), status: 'booked' });
    expect(await freeAt(server, local('13:00'))).toBe(2);
    expect(await freeAt(server, local('14:00'))).toBe(1);

    setTime(local('12:10'));
    const cancelled = data(await call<ManagedBooking>(server, officeApi('/public/bookings/cancel'), { body: { token: booking.token } }));
    expect(cancelled).toMatchObject({ status: 'cancelled', changeable: false, cancelledBy: 'visitor' });
    expect(await freeAt(server, local('14:00'))).toBe(2);
    const byVisitor = await staffView(server, consultant, booking.code);
    expect(byVisitor).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor', cancelledAt: local('12:10') });
    expect(byVisitor.cancelledByName).toBeUndefined();

    // Cancelling again changes nothing; a cancelled booking no longer moves.
    expect(data(await call<ManagedBooking>(server, officeApi('/public/bookings/cancel'), { body: { token: booking.token } })).status).toBe('cancelled');
    const late = await call(server, officeApi('/public/bookings/move'), { body: { token: booking.token, slotStart: local('15:00') } });
    expect(late.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('finds it by code and phone written either way, keeps the public lead time, and learns the office cancelled it', async () => {
    const { server, consultant } = await startAtNoon();
    const booking = await bookPublicly(server, local('13:00'));
    const byCode = { code: booking.code.toLowerCase(), phone: '900 123 45 67' };
    expect(data(await call<ManagedBooking>(server, officeApi('/public/bookings/view'), { body: byCode })).code).toBe(booking.code);

    // Staff may book 12:30; a visitor keeps an hour's lead.
    const tooSoon = await call(server, officeApi('/public/bookings/move'), { body: { ...byCode, slotStart: local('12:30') } });
    expect(tooSoon.body).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const id = (await staffView(server, consultant, booking.code)).id;
    expect(data(await call<Appointment>(server, officeApi(`/appointments/${id}/cancel`), { body: {}, token: consultant }))).toMatchObject({
      status: 'cancelled',
      cancelledBy: expect.stringMatching(/^user:/),
    });
    expect(data(await call<ManagedBooking>(server, officeApi('/public/bookings/view'), { body: byCode }))).toMatchObject({ status: 'cancelled', cancelledBy: 'staff' });
    // Staff see who, by name.
    const me = data(await call<{ user: { name: string } }>(server, '/api/auth/me', { token: consultant }));
    expect((await staffView(server, consultant, booking.code)).cancelledByName).toBe(me.user.name);
  });

  it('answers a wrong phone exactly as an unknown code, refuses bad input, and stops a guesser', async () => {
    const { server } = await startAtNoon();
    const booking = await bookPublicly(server, local('13:00'));
    const wrongPhone = await call(server, officeApi('/public/bookings/view'), { body: { code: booking.code, phone: '+7 900 765 43 21' } });
    const unknownCode = await call(server, officeApi('/public/bookings/view'), { body: { code: 'XXXXXX', phone: PHONE } });
    expect(wrongPhone).toEqual(unknownCode);
    expect(wrongPhone).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not-found' } } });
    expect((await call(server, officeApi('/public/bookings/view'), { body: { token: 'not-a-token' } })).status).toBe(400);
    expect((await call(server, officeApi('/public/bookings/cancel'), { body: { code: booking.code } })).status).toBe(400);

    // Ten asks by code at once, a miss costs two: two misses above, three more, then even the right answer waits.
    for (let i = 0; i < 3; i++) expect((await call(server, officeApi('/public/bookings/view'), { body: { code: 'XXXXXX', phone: PHONE } })).status).toBe(404);
    const right = await call(server, officeApi('/public/bookings/view'), { body: { code: booking.code, phone: PHONE } });
    expect(right).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate-limited' } } });
    // The link's token cannot be guessed and is counted apart.
    expect((await call(server, officeApi('/public/bookings/view'), { body: { token: booking.token } })).status).toBe(200);
  });
});

describe('the appointment book live', () => {
  it("tells the office's staff of every booking change, and the public nothing", async () => {
    const { server, consultant } = await startAtNoon();
    const staff = await connectClient(server.url, { token: consultant });
    const hall = await connectClient(server.url);
    clients.push(staff, hall);
    const heard: { staff: AppointmentsChanged[]; hall: AppointmentsChanged[] } = { staff: [], hall: [] };
    staff.socket.on('appointments:changed', (change) => heard.staff.push(change));
    hall.socket.on('appointments:changed', (change) => heard.hall.push(change));

    const booking = await bookPublicly(server, local('13:00'));
    await expect.poll(() => heard.staff.length).toBe(1);
    await call(server, officeApi('/public/bookings/move'), { body: { token: booking.token, slotStart: local('10:00', '2030-01-16') } });
    await expect.poll(() => heard.staff.length).toBe(3);
    await call(server, officeApi('/public/bookings/cancel'), { body: { token: booking.token } });
    await expect.poll(() => heard.staff.length).toBe(4);
    // A move across days is news for both days.
    expect(heard.staff).toEqual([{ day: TODAY }, { day: TODAY }, { day: '2030-01-16' }, { day: '2030-01-16' }]);

    // Whatever was sent to the hall has arrived once a round trip on its socket has.
    await new Promise((resolve) => hall.socket.emit('queue:resync', resolve));
    expect(heard.hall).toEqual([]);
  });
});
