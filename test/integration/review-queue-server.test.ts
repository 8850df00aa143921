// Review findings against the real server: each test states what the issue requires and fails
// while the defect it names is present.
import { afterEach, describe, expect, it } from 'vitest';
import type { Counter, QueueSnapshot, Ticket } from '../../common/protocol';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const HOUR = 3_600_000;
// The demo office keeps Asia/Irkutsk (UTC+8, no daylight saving): local midnight is 16:00 UTC.
const NOON_IRKUTSK = Date.UTC(2030, 0, 15, 4, 0);

let server: RunningTalon | undefined;
let clients: TestClient[] = [];

afterEach(async () => {
  clients.forEach((c) => c.close());
  clients = [];
  await server?.close();
  server = undefined;
});

function movableClock(start: number): { clock: () => number; set(at: number): void } {
  let now = start;
  return { clock: () => now, set: (at) => (now = at) };
}

describe('review: releasing tickets', () => {
  it('lets a ticket held by a counter that an admin deactivates still be finished', async () => {
    server = await startTalon();
    const admin = await server.login('admin');
    const operator = await server.login('operator1');
    await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    const called = await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator });
    expect(called.body.ok).toBe(true);

    const config = await call<{ counters: Counter[] }>(server, officeApi('/config'), { token: admin });
    const booth = config.body.ok ? config.body.data.counters.find((c) => c.id === 'booth-1') : undefined;
    const saved = await call(server, officeApi('/config/counters/booth-1'), { method: 'PUT', body: { ...booth, active: false }, token: admin });

    // Either the admin is refused, or the ticket can still be released: never a ticket stuck all day.
    if (saved.body.ok) {
      const finished = await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token: operator });
      expect(finished.body).toMatchObject({ ok: true });
    } else {
      expect(saved.body.error.code).toBe('counter-busy');
    }
  });
});

describe('review: the service day', () => {
  it('stops showing yesterday’s waiting tickets and open counters after local midnight', async () => {
    const time = movableClock(NOON_IRKUTSK);
    server = await startTalon({ clock: time.clock });
    const operator = await server.login('operator1');
    await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });

    time.set(NOON_IRKUTSK + 13 * HOUR); // 01:00 the next local day, nothing pressed since
    const display = await connectClient(server.url, { deviceKey: server.deviceKey('display') });
    clients.push(display);
    const snapshot = display.snapshots[0] as QueueSnapshot;

    expect(snapshot.serviceDay).toBe('2030-01-16');
    expect(snapshot.tickets.filter((t) => t.serviceDay < snapshot.serviceDay)).toEqual([]);
    expect(snapshot.counterStates.filter((c) => c.status !== 'closed')).toEqual([]);
  });

  it('issues a ticket when the server clock steps back across midnight', async () => {
    const time = movableClock(NOON_IRKUTSK + 12 * HOUR - 2 * 60_000); // 23:58 local
    server = await startTalon({ clock: time.clock });
    const consultant = await server.login('consultant');
    const issue = () => call<{ ticket: Ticket }>(server!, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: consultant });
    expect((await issue()).body.ok).toBe(true); // 2030-01-15, No. 100
    time.set(NOON_IRKUTSK + 12 * HOUR + 60_000); // 00:01: a new day, No. 100 again
    expect((await issue()).body.ok).toBe(true);
    time.set(NOON_IRKUTSK + 12 * HOUR - 60_000); // NTP steps the clock back to 23:59

    const again = await issue();
    expect(again.body).toMatchObject({ ok: true });
  });
});

describe('review: sessions on sockets', () => {
  it('refuses counter commands over a socket whose session has expired', async () => {
    const time = movableClock(NOON_IRKUTSK);
    server = await startTalon({ clock: time.clock });
    const operator = await server.login('operator1');
    const panel = await connectClient(server.url, { token: operator });
    clients.push(panel);

    time.set(NOON_IRKUTSK + 13 * HOUR); // past SESSION_LIFETIME_MS (12 h)
    expect((await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator })).status).toBe(401);
    const overSocket = await panel.socket.emitWithAck('counter:open', { counterId: 'booth-1' });
    expect(overSocket).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
