// The request and socket log of a real server, caught in memory: one line per request saying what
// an administrator needs (method, route, status, duration, request id, who, which office), and
// none of what must never be written (names, phones, passwords, session tokens, device keys).
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketResult } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { nodeIdFrom } from '../../server/cluster/node-id';
import { createLogger } from '../../server/observability/logger';
import { connectClient } from '../support/socket-client';
import { ADMIN_PASSWORD, call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { TEST_ENGINE } from '../support/test-database';

type LogRecord = Record<string, unknown>;

/** A logger at 'info' whose lines stay in memory, as the server would write them to stdout. */
function caughtLog() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(line) }, 'info');
  const records = () => lines.map((line) => JSON.parse(line) as LogRecord);
  return {
    logger,
    text: () => lines.join(''),
    records,
    requests: () => records().filter((r) => r.msg === 'request completed'),
    withRequestId: (id: string) => records().filter((r) => r.requestId === id),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ZONE = 'Asia/Irkutsk';
const at = (time: string) => zonedToEpoch('2030-01-15', time, ZONE);

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the request log', () => {
  it('writes one line per request with method, route, status, duration, request id, actor and office', async () => {
    const log = caughtLog();
    server = await startTalon({ logger: log.logger });
    const token = await server.login('consultant');

    const response = await fetch(`${server.url}${officeApi('/appointments/settings')}`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'proxy-7f3a.42' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('proxy-7f3a.42');

    const lines = log.withRequestId('proxy-7f3a.42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request completed',
      method: 'GET',
      route: '/api/offices/:officeId/appointments/settings',
      status: 200,
      office: 'main',
      actor: { kind: 'user', id: expect.any(String), role: 'consultant' },
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('gives a request without a usable id a new one, and sends it back', async () => {
    const log = caughtLog();
    server = await startTalon({ logger: log.logger });
    for (const given of [undefined, 'not an id; <script>', 'x'.repeat(101)]) {
      const response = await fetch(`${server.url}/api/health`, { headers: given ? { 'X-Request-Id': given } : {} });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(UUID);
      // Health names the engine and node on either engine, not only in the PostgreSQL tests.
      expect(await response.json()).toMatchObject({ ok: true, data: { status: 'ok', database: TEST_ENGINE, node: nodeIdFrom(process.env) } });
      expect(log.withRequestId(id)).toMatchObject([{ method: 'GET', route: '/api/health', status: 200, actor: { kind: 'public' } }]);
    }
    expect(log.text()).not.toContain('<script>');
  });

  it('names a device by its id and kind, and writes the route pattern, not the ticket id the path carries', async () => {
    const log = caughtLog();
    server = await startTalon({ logger: log.logger });
    const issued = await call<TicketResult>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    if (!issued.body.ok) throw new Error(JSON.stringify(issued.body));
    const ticketId = issued.body.data.ticket.id;
    expect((await call(server, officeApi(`/tickets/${ticketId}`))).status).toBe(200);

    expect(log.requests()).toMatchObject([
      { method: 'POST', route: '/api/offices/:officeId/tickets', office: 'main', actor: { kind: 'device', deviceKind: 'kiosk', id: expect.any(String) } },
      { method: 'GET', route: '/api/offices/:officeId/tickets/:id', office: 'main', status: 200, actor: { kind: 'public' } },
    ]);
    expect(log.text()).not.toContain(ticketId);
  });

  it('never writes a visitor’s name or phone, a password, a session token or a device key', async () => {
    const log = caughtLog();
    server = await startTalon({ logger: log.logger, clock: () => at('12:00') });
    const visitor = { name: 'Ольга Васильевна Кравец', phone: '+7 (900) 123-45-67' };
    const secrets: string[] = [visitor.name, 'Кравец', visitor.phone, '9001234567', '123-45-67', ADMIN_PASSWORD, 'a-wrong-Passw0rd'];

    const booked = await call(server, officeApi('/public/appointments'), { body: { serviceId: 'documents', slotStart: at('13:00'), ...visitor } });
    expect(booked.body.ok).toBe(true);
    const consultant = await server.login('consultant');
    const admin = await server.login('admin', ADMIN_PASSWORD);
    expect((await call(server, '/api/auth/login', { body: { login: 'admin', password: 'a-wrong-Passw0rd' } })).status).toBe(401);
    expect((await call(server, officeApi('/appointments?phone=9001234567'), { token: consultant })).status).toBe(200);
    expect((await call(server, officeApi('/appointments'), { body: { serviceId: 'documents', slotStart: at('14:00'), name: 'Кравец', phone: '+7 900 123-45-67' }, token: consultant })).status).toBe(200);
    await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: `talon_session=${admin}` } });
    await fetch(`${server.url}/kiosk/?key=${encodeURIComponent(server.deviceKey('kiosk'))}`);
    const kiosk = await call<TicketResult>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    expect(kiosk.status).toBe(200);
    const display = await connectClient(server.url, { deviceKey: server.deviceKey('display') });
    const staff = await connectClient(server.url, { token: consultant });
    display.close();
    staff.close();
    await expect.poll(() => log.records().filter((r) => r.msg === 'socket disconnected')).toHaveLength(2);
    secrets.push(consultant, admin, server.demo.staffPassword, ...server.demo.devices.map((d) => d.key), ...server.demo.staff.map((s) => s.name));

    // The lines are there — just without the data.
    expect(log.requests()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', route: '/api/offices/:officeId/public/appointments', status: 200, actor: { kind: 'public' } }),
        expect.objectContaining({ method: 'POST', route: '/api/auth/login', status: 401 }),
        expect.objectContaining({ method: 'GET', route: '/api/offices/:officeId/appointments', status: 200 }),
        expect.objectContaining({ method: 'GET', route: '/api/auth/me', actor: expect.objectContaining({ kind: 'user' }) }),
        // The kiosk page with its key in the URL (not built in an API-only test server: 404).
        expect.objectContaining({ method: 'GET', path: '/kiosk/', status: 404 }),
      ]),
    );
    const text = log.text();
    for (const secret of secrets) expect(text, `the log holds "${secret}"`).not.toContain(secret);
    expect(text).not.toMatch(/authorization|cookie|phone=|\?key=/i);
  });
});

describe('the socket log', () => {
  it('writes a line when a screen connects and one when it leaves, with its office, kind and device, never its key', async () => {
    const log = caughtLog();
    server = await startTalon({ logger: log.logger });
    const display = await connectClient(server.url, { deviceKey: server.deviceKey('display') });
    const visitor = await connectClient(server.url);
    const sockets = () => log.records().filter((r) => typeof r.msg === 'string' && r.msg.startsWith('socket '));
    expect(sockets()).toMatchObject([
      { msg: 'socket connected', office: 'main', kind: 'display', actor: { kind: 'device', deviceKind: 'display', id: expect.any(String) } },
      { msg: 'socket connected', office: 'main', kind: 'public', actor: { kind: 'public' } },
    ]);
    display.close();
    await expect.poll(() => sockets().filter((r) => r.msg === 'socket disconnected')).toMatchObject([
      { office: 'main', kind: 'display', reason: 'client namespace disconnect' },
    ]);
    visitor.close();
    expect(log.text()).not.toContain(server.deviceKey('display'));
  });
});
