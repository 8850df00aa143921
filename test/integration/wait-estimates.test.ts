// Waits promised through the real server: a kiosk's socket, the REST live ticket page, staff opening
// and pausing booths. Nothing is promised while no booth works; a booth at lunch counts from its
// planned return; a shared booth's other queues count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveTicket, Ticket } from '../../common/protocol';
import { localDate, zonedToEpoch } from '../../common/time/calendar';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const OFFICE_ZONE = 'Asia/Irkutsk';
const MINUTE = 60_000;
/** Today at a wall-clock time in the demo office. */
const officeTime = (time: string) => zonedToEpoch(localDate(Date.now(), OFFICE_ZONE), time, OFFICE_ZONE);

let now = officeTime('09:00');
let server: RunningTalon;
let kiosk: TestClient;
let staff: TestClient;

beforeEach(async () => {
  now = officeTime('09:00');
  server = await startTalon({ clock: () => now });
  kiosk = await connectClient(server.url, { deviceKey: server.deviceKey('kiosk') });
  staff = await connectClient(server.url, { token: await server.login('admin') });
});

afterEach(async () => {
  kiosk.close();
  staff.close();
  await server.close();
});

async function issue(serviceId: string): Promise<Ticket> {
  const issued = await kiosk.socket.emitWithAck('ticket:issue', { serviceId, language: 'ru' });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.data.ticket;
}

async function livePage(ticketId: string): Promise<LiveTicket> {
  const response = await call<LiveTicket>(server, officeApi(`/tickets/${ticketId}`));
  if (!response.body.ok) throw new Error(response.body.error.message);
  return response.body.data;
}

async function openBooth(counterId: string): Promise<void> {
  const opened = await call(server, officeApi(`/counters/${counterId}/open`), { body: {}, token: await server.login('admin') });
  expect(opened.status).toBe(200);
}

describe('wait estimates through the server', () => {
  it('promise no wait while every booth is closed, on the kiosk and on the live ticket page alike', async () => {
    await issue('documents');
    const second = await issue('documents');
    expect(second.estimate).toEqual({ ahead: 1, waitMinutes: null, at: now });
    expect((await livePage(second.id)).estimate).toEqual({ ahead: 1, waitMinutes: null, at: now });
  });

  it("count a booth at lunch from the end of its planned lunch (booth 1: 12:00–12:45)", async () => {
    now = officeTime('12:15');
    await openBooth('booth-1');
    const paused = await staff.socket.emitWithAck('counter:pause', { counterId: 'booth-1', reason: 'lunch', note: '' });
    expect(paused.ok && paused.data.counter.pause?.until).toBe(officeTime('12:45'));
    const first = await issue('documents');
    const second = await issue('documents');
    // 30 minutes of lunch left, then one visit of 15 minutes ahead.
    expect(second.estimate?.waitMinutes).toBe(45);
    expect((await livePage(first.id)).estimate?.waitMinutes).toBe(30);
  });

  it('count a booth paused for the minutes its specialist gave', async () => {
    await openBooth('booth-2');
    const paused = await call(server, officeApi('/counters/booth-2/pause'), { body: { reason: 'other', minutes: 20 }, token: await server.login('admin') });
    expect(paused.status).toBe(200);
    expect((await issue('documents')).estimate?.waitMinutes).toBe(20);
  });

  it('count the consultations that the shared consultant booth calls before a certificate', async () => {
    await openBooth('consultant');
    for (let i = 0; i < 3; i++) await issue('consultation');
    now += MINUTE;
    // Three consultations of 10 minutes stand first at the only open booth that gives certificates.
    expect((await issue('certificates')).estimate).toEqual({ ahead: 0, waitMinutes: 30, at: now });
  });
});
