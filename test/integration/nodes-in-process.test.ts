// Two Talon nodes in one process on one PostgreSQL database (two createApp on two pools): each
// node's engine catches up with what the other committed before deciding, so numbers and seq never
// skip or repeat; the other node's snapshots show it; revocations, configurations and appointment
// settings reach the other node at once;
// health names the node and turns 503 while its database is out of reach, and back by itself.
// The same with two real processes is multi-node-*.test.ts.
import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppointmentSettings, DevicePresence, QueueSnapshot, Ticket } from '../../common/protocol';
import type { PrinterInfo } from '../../common/protocol/printing';
import { createApp, type TalonApp } from '../../server/app';
import { ticketRef } from '../../server/realtime/redact';
import type { Database } from '../../server/store/database';
import { PostgresDatabase } from '../../server/store/postgres-database';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { onlyOn, openTestDatabase } from '../support/test-database';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Redis runs beside PostgreSQL on this machine (and in CI). */
const REDIS_URL = 'redis://127.0.0.1:6379';

interface Node {
  url: string;
  talon: TalonApp;
  db: Database;
  close(): Promise<void>;
}

async function nodeOn(db: Database, dataDir: string, nodeId: string, options: { redisUrl?: string; clock?: () => number } = {}): Promise<Node> {
  const talon = await createApp({ db, webApps: 'none', dataDir, nodeId, ...options });
  const port = await talon.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    talon,
    db,
    close: async () => {
      await talon.close();
      await db.close();
    },
  };
}

/** Both nodes' clock: a test may move it past midnight. */
let now = Date.now();
const clock = () => now;
let a: RunningTalon;
let b: Node;
let admin: string;
const clients: TestClient[] = [];
const closing: (() => Promise<void>)[] = [];

beforeEach(async () => {
  now = Date.now();
  a = await startTalon({ clock });
  b = await nodeOn(await openTestDatabase(a.dataDir), a.dataDir, 'node-b', { clock });
  admin = await a.login('admin');
});

afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const close of closing.splice(0)) await close();
  await b.close();
  await a.close();
});

/** Through staff: a kiosk may issue only so fast. */
async function issue(on: { url: string }, serviceId = 'documents'): Promise<Ticket> {
  const res = await call<{ ticket: Ticket }>(on, officeApi('/tickets'), { body: { serviceId }, token: admin });
  if (!res.body.ok) throw new Error(`issue failed: ${JSON.stringify(res.body.error)}`);
  return res.body.data.ticket;
}

async function snapshot(on: { url: string }, token: string): Promise<QueueSnapshot> {
  const res = await call<QueueSnapshot>(on, officeApi('/snapshot'), { token });
  if (!res.body.ok) throw new Error(`snapshot failed: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

async function journalSeqs(): Promise<number[]> {
  const rows = await a.db.read.all<{ seq: number }>('SELECT seq FROM journal WHERE office_id = ? ORDER BY seq', [a.office]);
  return rows.map((r) => r.seq);
}

function expectGapFree(seqs: number[]): void {
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
}

onlyOn('postgres')('two nodes on one PostgreSQL database', () => {
  it('numbers tickets issued alternately through both nodes one after another', async () => {
    const tickets: Ticket[] = [];
    for (let i = 0; i < 6; i++) tickets.push(await issue(i % 2 === 0 ? a : b));
    const first = tickets[0]!.number;
    expect(tickets.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5].map((n) => first + n));
    expectGapFree(await journalSeqs());
  });

  it('shows a call made on one node in the other node’s snapshot and on a display connected to it', async () => {
    const display = await connectClient(b.url, { deviceKey: a.deviceKey('display') });
    clients.push(display);
    const ticket = await issue(a);
    expect((await call(a, officeApi('/counters/booth-1/open'), { body: {}, token: admin })).status).toBe(200);
    expect((await call(a, officeApi('/counters/booth-1/call-next'), { body: {}, token: admin })).status).toBe(200);
    // Told by A (the cluster bus), B takes the call in without anyone asking B.
    await expect.poll(() => b.talon.office(a.office)?.engine.seq).toBe(a.engine.seq);
    const onB = await snapshot(b, admin);
    expect(onB.tickets.find((t) => t.id === ticket.id)?.status).toBe('called');
    expect(onB.recentCalls[0]?.ticketId).toBe(ticket.id);
    expect(onB.seq).toBe((await snapshot(a, admin)).seq);
    await display.waitFor((events) => events.some((e) => e.kind === 'ticket-called' && e.ticket?.id === ticketRef(ticket.id)));
  });

  it('never gives one ticket to two booths calling next at the same instant on different nodes', async () => {
    for (let i = 0; i < 24; i++) await issue(i % 2 === 0 ? a : b);
    const booths = ['booth-1', 'booth-2', 'booth-3', 'booth-4'];
    for (const booth of booths) expect((await call(a, officeApi(`/counters/${booth}/open`), { body: {}, token: admin })).status).toBe(200);
    const command = async (on: { url: string }, booth: string, verb: string) => {
      const answer = await call<{ ticket: Ticket | null }>(on, officeApi(`/counters/${booth}/${verb}`), { body: {}, token: admin });
      if (!answer.body.ok) throw new Error(`${verb} at ${booth} failed: ${JSON.stringify(answer.body.error)}`);
      return answer.body.data.ticket;
    };
    const called: string[] = [];
    for (let round = 0; round < 6; round++) {
      // Booths 1 and 3 through node A, 2 and 4 through node B, all at once; each then serves its
      // ticket through the other node.
      const tickets = await Promise.all(booths.map((booth, i) => command(i % 2 === 0 ? a : b, booth, 'call-next')));
      called.push(...tickets.flatMap((t) => (t ? [t.id] : [])));
      await Promise.all(
        booths.map(async (booth, i) => {
          await command(i % 2 === 0 ? b : a, booth, 'start');
          await command(i % 2 === 0 ? b : a, booth, 'finish');
        }),
      );
    }
    expect(called).toHaveLength(24);
    expect(new Set(called).size).toBe(24);
    expectGapFree(await journalSeqs());
    const [onA, onB] = [await snapshot(a, admin), await snapshot(b, admin)];
    expect(onB.seq).toBe(onA.seq);
    expect(onB.tickets).toEqual(onA.tickets);
    expect(onB.counterStates).toEqual(onA.counterStates);
  });

  it('ends a device revoked on one node on the other node too, at once', async () => {
    const created = await call<{ device: { id: string }; key: string }>(a, officeApi('/devices'), {
      body: { kind: 'display', name: 'Temporary display', zone: 'hall' },
      token: admin,
    });
    if (!created.body.ok) throw new Error('device not created');
    const { key, device } = created.body.data;
    // Node B remembers the key as valid (its caller cache) and holds a socket with it.
    expect((await call(b, '/api/auth/me', { deviceKey: key })).status).toBe(200);
    const display = await connectClient(b.url, { deviceKey: key });
    clients.push(display);
    const disconnected = new Promise<void>((resolve) => display.socket.once('disconnect', () => resolve()));
    await call(a, officeApi(`/devices/${device.id}/revoke`), { body: {}, token: admin });
    await disconnected;
    // Sooner than B's cache would forget it by itself (5 s): only the cluster bus can tell B.
    await expect.poll(async () => (await call(b, '/api/auth/me', { deviceKey: key })).status, { timeout: 3_000 }).not.toBe(200);
  });

  it('ends the day once, whichever nodes look at the office after midnight', async () => {
    const yesterday: Ticket[] = [];
    for (let i = 0; i < 4; i++) yesterday.push(await issue(i % 2 === 0 ? a : b));
    now += 24 * 60 * 60_000;
    // Devices, since the day's sessions have expired by now.
    const display = a.deviceKey('display');
    const publicSnapshot = async (on: { url: string }) => {
      const res = await call<QueueSnapshot>(on, officeApi('/snapshot'), { deviceKey: display });
      if (!res.body.ok) throw new Error(`snapshot failed: ${JSON.stringify(res.body.error)}`);
      return res.body.data;
    };
    const [onA, onB] = await Promise.all([publicSnapshot(a), publicSnapshot(b), publicSnapshot(a), publicSnapshot(b)]);
    expect(onA!.tickets).toEqual([]);
    expect(onB!.tickets).toEqual([]);
    const ended = await a.db.read.all<{ ticket_id: string }>("SELECT ticket_id FROM journal WHERE office_id = ? AND to_state = 'day-ended'", [a.office]);
    expect(ended).toHaveLength(4);
    expect(new Set(ended.map((row) => row.ticket_id)).size).toBe(4);
    expectGapFree(await journalSeqs());
    // And the new day numbers from the start again, on both nodes.
    const kiosk = async (on: { url: string }) => {
      const res = await call<{ ticket: Ticket }>(on, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: a.deviceKey('kiosk') });
      if (!res.body.ok) throw new Error(`issue failed: ${JSON.stringify(res.body.error)}`);
      return res.body.data.ticket;
    };
    const [first, second] = [await kiosk(b), await kiosk(a)];
    expect(first.serviceDay).not.toBe(yesterday[0]!.serviceDay);
    expect([first.number, second.number]).toEqual([yesterday[0]!.number, yesterday[0]!.number + 1]);
  });

  it('shows staff on one node the devices connected to the other', async () => {
    const staff = await connectClient(a.url, { token: admin });
    clients.push(staff);
    const pushed: DevicePresence[][] = [];
    staff.socket.on('devices:presence', (list) => pushed.push(list));
    const display = await connectClient(b.url, { deviceKey: a.deviceKey('display') });
    clients.push(display);
    const displayOnline = (list: DevicePresence[] | undefined) => list?.some((d) => d.kind === 'display' && d.online && d.screens.length === 1) ?? false;
    await expect.poll(() => displayOnline(pushed.at(-1))).toBe(true);
    const listed = await call<DevicePresence[]>(a, officeApi('/device-presence'), { token: admin });
    expect(listed.body.ok && displayOnline(listed.body.data)).toBe(true);
    display.close();
    await expect.poll(() => pushed.at(-1)?.find((d) => d.kind === 'display')?.online).toBe(false);
  });

  it('shows staff on one node a print agent connected to the other', async () => {
    const connected = async () => {
      const printers = await call<PrinterInfo[]>(a, officeApi('/printers'), { token: admin });
      return printers.body.ok && printers.body.data.some((p) => p.connected);
    };
    expect(await connected()).toBe(false);
    const agent = await connectClient(b.url, { deviceKey: a.deviceKey('print-agent') });
    clients.push(agent);
    // Polled: a node just started may not have heard the other's first heartbeat yet, and asks nobody.
    await expect.poll(connected).toBe(true);
    agent.close();
    await expect.poll(connected).toBe(false);
  });

  it('adopts a configuration saved on the other node', async () => {
    const put = await call(a, officeApi('/config/counters/booth-9'), {
      method: 'PUT',
      token: admin,
      body: { number: 9, name: { en: 'Booth 9' }, services: [{ serviceId: 'documents', weight: 'main' }] },
    });
    expect(put.status).toBe(200);
    await expect.poll(() => b.talon.office(a.office)?.engine.currentConfig.counters.has('booth-9')).toBe(true);
    await issue(a);
    expect((await call(b, officeApi('/counters/booth-9/open'), { body: {}, token: admin })).status).toBe(200);
    expect((await call(b, officeApi('/counters/booth-9/call-next'), { body: {}, token: admin })).status).toBe(200);
  });

  it('adopts appointment settings saved on the other node into its appointment book', async () => {
    const settingsOn = async (node: { url: string }) => {
      const res = await call<AppointmentSettings>(node, officeApi('/appointments/settings'), { token: admin });
      if (!res.body.ok) throw new Error(`settings failed: ${JSON.stringify(res.body.error)}`);
      return res.body.data;
    };
    const changed = { ...(await settingsOn(a)), publicBookingsPerPhone: 7, publicLeadMinutes: 300, checkInGraceMinutes: 25 };
    expect((await call(a, officeApi('/appointments/settings'), { method: 'PUT', token: admin, body: changed })).status).toBe(200);
    await expect.poll(() => settingsOn(b)).toEqual(changed);
  });

  it('starts an office created on the other node, and stops it when archived there', async () => {
    const created = await call(a, '/api/offices', { body: { id: 'north', copyFrom: a.office }, token: admin });
    expect(created.status).toBe(200);
    await expect.poll(() => b.talon.office('north') !== undefined).toBe(true);
    expect((await call(b, officeApi('/tickets', 'north'), { body: { serviceId: 'documents' }, token: admin })).status).toBe(200);
    expect((await call(a, '/api/offices/north/archive', { body: {}, token: admin })).status).toBe(200);
    await expect.poll(() => b.talon.office('north') === undefined).toBe(true);
    expect((await call(b, officeApi('/snapshot', 'north'), { token: admin })).status).toBe(404);
  });

  it('carries a call to the other node’s display through Redis when TALON_REDIS_URL says so', async () => {
    const [ra, rb] = [
      await nodeOn(await openTestDatabase(a.dataDir), a.dataDir, 'redis-a', { redisUrl: REDIS_URL }),
      await nodeOn(await openTestDatabase(a.dataDir), a.dataDir, 'redis-b', { redisUrl: REDIS_URL }),
    ];
    closing.push(ra.close, rb.close);
    const display = await connectClient(rb.url, { deviceKey: a.deviceKey('display') });
    clients.push(display);
    const ticket = await issue(ra);
    await display.waitFor((events) => events.some((e) => e.kind === 'ticket-issued' && e.ticket?.id === ticketRef(ticket.id)));
  });

  it('names the database and the node in its health, answers 503 while the database is out of reach and recovers by itself', async () => {
    expect((await call(b, '/api/health')).body).toMatchObject({ ok: true, data: { status: 'ok', database: 'postgres', node: 'node-b' } });
    const cut = await cuttableProxy(5432);
    closing.push(cut.close);
    const url = new URL(readFileSync(join(a.dataDir, 'database-url'), 'utf8').trim());
    url.host = `127.0.0.1:${cut.port}`;
    const c = await nodeOn(await PostgresDatabase.open(url.toString(), { poolSize: 3 }), a.dataDir, 'node-c');
    closing.unshift(async () => {
      cut.restore();
      await c.close();
    });
    expect((await call(c, '/api/health')).status).toBe(200);
    cut.cut();
    await expect.poll(async () => (await call(c, '/api/health')).status).toBe(503);
    expect((await call(c, '/api/health')).body).toMatchObject({ ok: false, error: { details: { status: 'unavailable', database: 'postgres', node: 'node-c' } } });
    cut.restore();
    await expect.poll(async () => (await call(c, '/api/health')).status).toBe(200);
    // And it works again: a ticket issued through it follows the others without a gap, and it hears
    // the other nodes again (its bus and its Socket.IO adapter took new connections by themselves).
    await issue(a);
    await issue(c);
    expectGapFree(await journalSeqs());
    const display = await connectClient(c.url, { deviceKey: a.deviceKey('display') });
    clients.push(display);
    const put = await call(a, officeApi('/config/counters/booth-8'), {
      method: 'PUT',
      token: admin,
      body: { number: 8, name: { en: 'Booth 8' }, services: [{ serviceId: 'documents', weight: 'main' }] },
    });
    expect(put.status).toBe(200);
    await expect.poll(() => c.talon.office(a.office)?.engine.currentConfig.counters.has('booth-8')).toBe(true);
    // Its Socket.IO adapter takes its listening connection back on its own schedule, after the bus:
    // what node a says before then is lost. So issue until the display on c hears one (a state, not a fixed wait).
    await expect
      .poll(async () => {
        const ticket = await issue(a);
        return display.waitFor((events) => events.some((e) => e.ticket?.id === ticketRef(ticket.id)), 2000).then(() => true, () => false);
      })
      .toBe(true);
  });
});

/** A TCP proxy to 127.0.0.1:`port` that can cut every connection and refuse new ones, then let them through again. */
async function cuttableProxy(port: number): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  let open = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = createConnection({ host: '127.0.0.1', port });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.once('close', () => sockets.delete(socket));
    }
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: () => {
      open = false;
      sockets.forEach((socket) => socket.destroy());
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
