// The real server, a real SQLite file and several real socket.io clients: every command is
// acknowledged and broadcast, in sequence, to staff and hall alike.
import { describe, expect, it } from 'vitest';
import { call, officeApi } from '../support/talon-server';
import { connectClient, officeSocketUrl, type TestClient } from '../support/socket-client';
import { useServerAndClients } from '../support/server-and-clients';

const env = useServerAndClients();

async function client(auth: { token?: string; deviceKey?: string } = {}): Promise<TestClient> {
  const c = await connectClient(env.server.url, auth);
  env.clients.push(c);
  return c;
}

describe('queue over socket.io', () => {
  it('acknowledges each command and broadcasts it to staff and display in sequence', async () => {
    const token = await env.server.login('operator1');
    const staff = await client({ token });
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });

    const issued = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'documents', language: 'uk' });
    expect(issued.ok && issued.data.ticket.code).toBe('Д100');
    expect((await staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' })).ok).toBe(true);
    const called = await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });
    expect(called.ok && called.data.ticket?.code).toBe('Д100');
    expect(called.ok && called.data.ticket?.callReason).toEqual({ kind: 'first-in-line', serviceId: 'documents', weight: 'main' });
    const recalled = await staff.socket.emitWithAck('counter:recall', { counterId: 'booth-1' });
    expect(recalled.ok && recalled.data.ticket?.recalls).toBe(1);
    expect((await staff.socket.emitWithAck('counter:start', { counterId: 'booth-1' })).ok).toBe(true);
    const done = await staff.socket.emitWithAck('counter:finish', { counterId: 'booth-1' });
    expect(done.ok && done.data.ticket?.outcome).toBe('served');

    const kinds = ['ticket-issued', 'counter-opened', 'ticket-called', 'ticket-recalled', 'ticket-started', 'ticket-finished'];
    for (const c of [staff, display]) {
      await c.waitFor((events) => events.length >= kinds.length);
      expect(c.events.map((e) => e.kind)).toEqual(kinds);
      const first = c.snapshots[0]!.seq;
      expect(c.events.map((e) => e.seq)).toEqual(kinds.map((_, i) => first + i + 1));
    }
    expect(display.events.at(-1)?.ticket?.status).toBe('finished');
  });

  it('transfers a ticket to another service keeping its original issue time, and marks a no-show', async () => {
    const token = await env.server.login('operator1');
    const staff = await client({ token });
    const kiosk = env.server.deviceKey('kiosk');
    const first = await call<{ ticket: { id: string; issuedAt: number } }>(env.server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });
    await call(env.server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });
    await staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' });
    await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });
    const moved = await staff.socket.emitWithAck('counter:transfer', {
      counterId: 'booth-1',
      toServiceId: 'consultation',
      comment: 'needs advice on subsidies',
      returnAfter: false,
    });
    expect(moved.ok).toBe(true);
    const snapshot = (await call<{ tickets: { id: string; serviceId: string; issuedAt: number; comment: string | null }[] }>(env.server, officeApi('/snapshot'), { token })).body;
    const ticket = snapshot.ok ? snapshot.data.tickets.find((t) => first.body.ok && t.id === first.body.data.ticket.id) : undefined;
    expect(ticket?.serviceId).toBe('consultation');
    expect(ticket?.issuedAt).toBe(first.body.ok ? first.body.data.ticket.issuedAt : -1);
    expect(ticket?.comment).toBe('needs advice on subsidies');

    await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });
    const noShow = await staff.socket.emitWithAck('counter:no-show', { counterId: 'booth-1' });
    expect(noShow.ok && noShow.data.ticket?.outcome).toBe('no-show');
  });

  it('keeps staff comments away from the hall', async () => {
    const token = await env.server.login('operator1');
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    const staff = await client({ token });
    await call(env.server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: env.server.deviceKey('kiosk') });
    await staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' });
    await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });
    await staff.socket.emitWithAck('counter:transfer', { counterId: 'booth-1', toServiceId: 'consultation', comment: 'private note', returnAfter: false });
    await display.waitFor((events) => events.some((e) => e.kind === 'ticket-transferred'));
    await staff.waitFor((events) => events.some((e) => e.kind === 'ticket-transferred'));
    expect(display.events.find((e) => e.kind === 'ticket-transferred')?.ticket?.comment).toBeNull();
    expect(staff.events.find((e) => e.kind === 'ticket-transferred')?.ticket?.comment).toBe('private note');
  });

  it('pauses a counter for lunch and refuses to call while paused', async () => {
    const token = await env.server.login('operator2');
    const staff = await client({ token });
    await staff.socket.emitWithAck('counter:open', { counterId: 'booth-2' });
    const paused = await staff.socket.emitWithAck('counter:pause', { counterId: 'booth-2', reason: 'lunch', note: '' });
    expect(paused.ok && paused.data.counter.pause?.reason).toBe('lunch');
    const refused = await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-2' });
    expect(!refused.ok && refused.error.code).toBe('counter-paused');
    expect((await staff.socket.emitWithAck('counter:resume', { counterId: 'booth-2' })).ok).toBe(true);
  });

  it('gives a reconnecting client a fresh snapshot with what it missed', async () => {
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    display.socket.disconnect();
    await call(env.server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: env.server.deviceKey('kiosk') });
    display.socket.connect();
    await display.waitFor(() => display.snapshots.length === 2);
    const latest = display.snapshots[1]!;
    expect(latest.seq).toBeGreaterThan(display.snapshots[0]!.seq);
    expect(latest.tickets.map((t) => t.code)).toEqual(['С100']);
  });

  it('answers a resync request with the current snapshot', async () => {
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    await call(env.server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: env.server.deviceKey('kiosk') });
    await display.waitFor((events) => events.length === 1);
    const resync = await display.socket.emitWithAck('queue:resync');
    expect(resync.ok && resync.data.seq).toBe(display.events[0]!.seq);
  });

  it('gives ten counters calling next at the same instant ten different tickets', async () => {
    const kiosk = env.server.deviceKey('kiosk');
    for (let i = 0; i < 12; i++) await call(env.server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });
    const admin = await env.server.login('admin');
    // Six more booths so that ten counters serve the same queue.
    for (let n = 6; n <= 11; n++) {
      const put = await call(env.server, officeApi(`/config/counters/booth-${n}`), {
        method: 'PUT',
        token: admin,
        body: { number: n, name: { en: `Booth ${n}` }, services: [{ serviceId: 'documents', weight: 'main' }] },
      });
      expect(put.status).toBe(200);
    }
    const counters = ['booth-1', 'booth-2', 'booth-3', 'booth-4', ...[6, 7, 8, 9, 10, 11].map((n) => `booth-${n}`)];
    const staff = await client({ token: admin });
    for (const counterId of counters) await staff.socket.emitWithAck('counter:open', { counterId });
    const results = await Promise.all(counters.map((counterId) => staff.socket.emitWithAck('counter:call-next', { counterId })));
    const codes = results.map((r) => (r.ok ? r.data.ticket?.code : r.error.code));
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((c) => c?.startsWith('Д'))).toBe(true);
  });
});

describe('access ending while a socket is open', () => {
  it('disconnects the socket of a device when an admin revokes it', async () => {
    const admin = await env.server.login('admin');
    const created = await call<{ device: { id: string }; key: string }>(env.server, officeApi('/devices'), {
      body: { kind: 'display', name: 'Temporary display', zone: 'hall' },
      token: admin,
    });
    if (!created.body.ok) throw new Error('device not created');
    const display = await client({ deviceKey: created.body.data.key });
    const disconnected = new Promise<void>((resolve) => display.socket.once('disconnect', () => resolve()));
    await call(env.server, officeApi(`/devices/${created.body.data.device.id}/revoke`), { body: {}, token: admin });
    await disconnected;
    display.socket.connect();
    const refusal = await new Promise<{ data?: { code?: string } }>((resolve) => display.socket.once('connect_error', resolve));
    expect(refusal.data?.code).toBe('device-revoked');
  });

  it('disconnects a staff socket on logout and lets a stale cookie connect only as public', async () => {
    const token = await env.server.login('operator1');
    const staff = await client({ token });
    const disconnected = new Promise<void>((resolve) => staff.socket.once('disconnect', () => resolve()));
    await call(env.server, '/api/auth/logout', { body: {}, token });
    await disconnected;
    const { io } = await import('socket.io-client');
    const stale = io(officeSocketUrl(env.server.url), { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: `talon_session=${token}` } });
    const snapshot = await new Promise<{ tickets: unknown[] }>((resolve) => stale.once('queue:snapshot', resolve));
    expect(Array.isArray(snapshot.tickets)).toBe(true);
    const refused = await stale.timeout(5000).emitWithAck('counter:open', { counterId: 'booth-1' });
    expect(!refused.ok && refused.error.code).toBe('unauthenticated');
    stale.close();
  });
});

describe('a batch whose commit fails', () => {
  it('is never shown to a client asking for the state while it is being written', async () => {
    const staff = await client({ token: await env.server.login('operator1') });
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    const before = await call<{ tickets: unknown[] }>(env.server, officeApi('/snapshot'), { deviceKey: env.server.deviceKey('display') });
    // The disk refuses the write, after the kiosk's ticket has been decided and while it is being written.
    const { db } = env.server;
    const realTransaction = db.transaction.bind(db);
    let writing!: () => void;
    const beingWritten = new Promise<void>((resolve) => (writing = resolve));
    let failWrite!: () => void;
    const refused = new Promise<void>((resolve) => (failWrite = resolve));
    db.transaction = async () => {
      writing();
      await refused;
      throw new Error('SQLITE_IOERR: disk I/O error');
    };
    const issuing = call(env.server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: env.server.deviceKey('kiosk') });
    await beingWritten;

    const seen = [
      await staff.socket.emitWithAck('queue:resync'),
      await display.socket.emitWithAck('queue:resync'),
      { ok: true as const, data: (await client({ deviceKey: env.server.deviceKey('display') })).snapshots[0]! },
    ];
    const rest = await call<{ tickets: unknown[] }>(env.server, officeApi('/snapshot'), { deviceKey: env.server.deviceKey('display') });
    failWrite();
    const answer = await issuing;
    db.transaction = realTransaction;

    expect(answer.status).toBe(500);
    for (const snapshot of seen) expect(snapshot.ok && snapshot.data.tickets).toEqual([]);
    expect(rest.body.ok && rest.body.data.tickets).toEqual(before.body.ok && before.body.data.tickets);
    expect([...staff.events, ...display.events]).toEqual([]);
  });
});
