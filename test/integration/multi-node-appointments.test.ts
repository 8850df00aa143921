// Two nodes on one PostgreSQL database: a booking made on one node reaches a consultant's book open
// on the other (`appointments:changed` through Socket.IO's adapter), and a visitor's cancel by the
// link on either node frees the slot for both.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppointmentsChanged, BookingInfo, BookingReceipt, ManagedBooking, SlotView } from '../../common/protocol';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';

let nodes: TwoNodes;
let client: TestClient | undefined;

// Two server processes starting one after the other on a busy machine take a while.
beforeAll(async () => {
  nodes = await startTwoNodes();
}, 180_000);

afterAll(async () => {
  client?.close();
  await nodes?.close();
});

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** The first time the public may book at the office, whatever the real clock says now. */
async function aFreeSlot(): Promise<{ serviceId: string; day: string; slot: SlotView }> {
  const info = data(await call<BookingInfo>(nodes.a, officeApi('/public/booking', nodes.office)));
  const serviceId = info.services[0]!.id;
  for (const day of info.days) {
    const slots = data(await call<SlotView[]>(nodes.a, officeApi(`/public/slots?serviceId=${serviceId}&date=${day}`, nodes.office)));
    const slot = slots.find((s) => s.free > 0);
    if (slot) return { serviceId, day, slot };
  }
  throw new Error('no bookable slot in the horizon');
}

it("tells a consultant on the other node of a visitor's booking and cancel at once", async () => {
  const consultant = await nodes.login('consultant', nodes.b);
  client = await connectClient(nodes.b.url, { token: consultant }, nodes.office);
  const heard: AppointmentsChanged[] = [];
  client.socket.on('appointments:changed', (change) => heard.push(change));

  const { serviceId, day, slot } = await aFreeSlot();
  const receipt = data(
    await call<BookingReceipt>(nodes.a, officeApi('/public/appointments', nodes.office), {
      body: { serviceId, slotStart: slot.start, name: 'Ольга Кравец', phone: '+7 900 123 45 67' },
    }),
  );
  await expect.poll(() => heard, { timeout: 10_000 }).toEqual([{ day }]);

  const token = receipt.manageUrl.split('#')[1]!;
  const cancelled = data(await call<ManagedBooking>(nodes.b, officeApi('/public/bookings/cancel', nodes.office), { body: { token } }));
  expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor' });
  await expect.poll(() => heard, { timeout: 10_000 }).toEqual([{ day }, { day }]);
  const again = data(await call<SlotView[]>(nodes.a, officeApi(`/public/slots?serviceId=${serviceId}&date=${day}`, nodes.office)));
  expect(again.find((s) => s.start === slot.start)?.free).toBe(slot.free);
});
