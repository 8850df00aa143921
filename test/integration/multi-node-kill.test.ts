// `kill -9` of node A while clients issue tickets through both nodes. Every acknowledged ticket is
// in the database afterwards, numbering goes on without a repeat or a gap, and the clients that
// were on A carry on through B: issuing clients ask again with the same request id (a retry whose
// ticket A had made gets that ticket from B), and hall displays resync to the office's state.
//
// Each client reaches the nodes through a proxy that prefers one node and falls back on the other,
// as behind a load balancer: half prefer A, half B.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, QueueSnapshot, ServerToClientEvents, Service } from '../../common/protocol';
import { startFailoverProxy, type FailoverProxy } from '../support/failover-proxy';
import { mirrorQueue, type QueueMirror } from '../support/queue-mirror';
import { officeSocketUrl } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';

const ISSUERS = 10;
const DISPLAYS = 4;
const SERVICES = ['documents', 'certificates', 'consultation'];
/** Tickets acknowledged before the kill, and by each client that was on A after it. */
const BEFORE_KILL = 200;
const EACH_AFTER_KILL = 10;
/** How long one attempt waits for its answer before the client asks again. */
const ATTEMPT_MS = 5_000;

let nodes: TwoNodes;
const proxies: FailoverProxy[] = [];
const mirrors: QueueMirror[] = [];
const issuers: Issuer[] = [];

beforeAll(async () => {
  nodes = await startTwoNodes();
});

afterAll(async () => {
  await Promise.all(issuers.map((issuer) => issuer.stop()));
  mirrors.forEach((m) => m.close());
  await Promise.all(proxies.map((p) => p.close()));
  await nodes?.close();
});

interface Issuer {
  /** Prefers node A. */
  onA: boolean;
  acknowledged: { id: string; code: string }[];
  stop(): Promise<void>;
}

/**
 * A client issuing tickets one after another as a kiosk does: each request has its id, and an
 * attempt that got no answer (the node died, the connection dropped) is asked again with the same
 * id once the socket is back, wherever the proxy took it.
 */
function startIssuer(url: string, onA: boolean, token: string, serviceId: string): Issuer {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(officeSocketUrl(url, nodes.office), { auth: { token }, transports: ['websocket'], forceNew: true });
  const acknowledged: Issuer['acknowledged'] = [];
  let stopped = false;
  let stopping!: () => void;
  const stop = new Promise<void>((resolve) => (stopping = resolve));
  const connected = () => (socket.connected ? Promise.resolve() : Promise.race([stop, new Promise<void>((resolve) => socket.once('connect', () => resolve()))]));
  // A request is asked until it is answered, or until the client stops after an attempt that was not.
  const issueOne = async () => {
    const requestId = randomUUID();
    do {
      await connected();
      try {
        const answer = await socket.timeout(ATTEMPT_MS).emitWithAck('ticket:issue', { serviceId, requestId });
        if (answer.ok) return void acknowledged.push({ id: answer.data.ticket.id, code: answer.data.ticket.code });
        if (answer.error.code !== 'office-busy') throw new Error(`refused: ${JSON.stringify(answer.error)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('refused')) throw error;
        // No answer in time: ask again with the same id.
      }
    } while (!stopped);
  };
  const loop = (async () => {
    while (!stopped) await issueOne();
  })();
  return {
    onA,
    acknowledged,
    // The request under way is answered before the socket closes: its ticket is then counted, and
    // nothing is still being issued when the test reads the database.
    stop: async () => {
      stopped = true;
      stopping();
      await loop;
      socket.close();
    },
  };
}

/** The parts of a snapshot a display must agree on with the node (estimates are computed at each look). */
const essence = (snapshot: QueueSnapshot) => ({
  seq: snapshot.seq,
  tickets: snapshot.tickets.map((t) => `${t.code} ${t.status}`).sort(),
  counters: snapshot.counterStates.map((c) => `${c.counterId} ${c.status} ${c.ticketId ?? '-'}`).sort(),
});

/**
 * The office's services number up to 9999 a day instead of 999, so the load cannot run out of
 * numbers; changed through node A, and seen by node B before the load starts.
 */
async function numbersUpTo9999(admin: string): Promise<void> {
  const config = await call<{ services: Service[] }>(nodes.a, officeApi('/config', nodes.office), { token: admin });
  if (!config.body.ok) throw new Error(JSON.stringify(config.body.error));
  for (const service of config.body.data.services) {
    const saved = await call(nodes.a, officeApi(`/config/services/${service.id}`, nodes.office), { method: 'PUT', token: admin, body: { ...service, endNumber: 9999 } });
    expect(saved.status).toBe(200);
  }
  await expect
    .poll(async () => {
      const seen = await call<{ services: Service[] }>(nodes.b, officeApi('/config', nodes.office), { token: admin });
      return seen.body.ok && seen.body.data.services.every((s) => s.endNumber === 9999);
    })
    .toBe(true);
}

/** GET /api/health, as a load balancer checks each node. */
async function health(node: TwoNodes['a']): Promise<unknown> {
  const res = await call(node, '/api/health');
  return { http: res.status, ...(res.body.ok ? (res.body.data as object) : {}) };
}

it('loses no acknowledged ticket when node A is killed under load, and its clients carry on through node B', async () => {
  for (const node of [nodes.a, nodes.b]) expect(await health(node)).toMatchObject({ http: 200, status: 'ok', database: 'postgres', node: node.id });
  const token = await nodes.login('operator1');
  await numbersUpTo9999(await nodes.login('admin'));
  const preferA = await startFailoverProxy([nodes.a.url, nodes.b.url]);
  const preferB = await startFailoverProxy([nodes.b.url, nodes.a.url]);
  proxies.push(preferA, preferB);
  for (let i = 0; i < DISPLAYS; i++) mirrors.push(mirrorQueue((i % 2 === 0 ? preferA : preferB).url, nodes.office, nodes.deviceKey('display')));
  await expect.poll(() => mirrors.every((m) => m.connection.snapshot !== null)).toBe(true);
  for (let i = 0; i < ISSUERS; i++) issuers.push(startIssuer((i % 2 === 0 ? preferA : preferB).url, i % 2 === 0, token, SERVICES[i % SERVICES.length]!));
  const acknowledged = () => issuers.flatMap((issuer) => issuer.acknowledged);

  await expect.poll(() => acknowledged().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(BEFORE_KILL);
  expect(issuers.filter((i) => i.onA).every((i) => i.acknowledged.length > 0)).toBe(true);
  await nodes.a.kill9();
  const atKill = issuers.map((issuer) => issuer.acknowledged.length);
  // Those still short of their tickets after the kill, with how many they have had since.
  const short = () =>
    issuers.flatMap((issuer, i) => {
      const since = issuer.acknowledged.length - atKill[i]!;
      return since >= EACH_AFTER_KILL ? [] : [`client ${i} (on ${issuer.onA ? 'A' : 'B'}): ${since}`];
    });
  await expect.poll(short, { timeout: 60_000 }).toEqual([]);
  await Promise.all(issuers.map((issuer) => issuer.stop()));
  expect(await health(nodes.b)).toMatchObject({ http: 200, status: 'ok', node: nodes.b.id });

  // Every acknowledged ticket is stored with the code it was given, and none was acknowledged twice.
  const ticketsAcknowledged = acknowledged();
  expect(new Set(ticketsAcknowledged.map((t) => t.id)).size).toBe(ticketsAcknowledged.length);
  const rows = await nodes.read.all<{ id: string; code: string; service_id: string; number: number }>(
    'SELECT id, code, service_id, number FROM tickets WHERE office_id = ?',
    [nodes.office],
  );
  const stored = new Map(rows.map((row) => [row.id, row.code]));
  for (const ticket of ticketsAcknowledged) expect(stored.get(ticket.id), ticket.code).toBe(ticket.code);
  // Each service's numbers run 100, 101, … with no repeat and no gap, across the kill.
  for (const serviceId of SERVICES) {
    const numbers = rows.filter((row) => row.service_id === serviceId).map((row) => row.number).sort((x, y) => x - y);
    expect(numbers, serviceId).toEqual(numbers.map((_, i) => 100 + i));
  }
  const seqs = (await nodes.read.all<{ seq: number }>('SELECT seq FROM journal WHERE office_id = ? ORDER BY seq', [nodes.office])).map((row) => row.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));

  // Node B goes on numbering after the highest number, whoever issued it.
  const next = await call<{ ticket: { number: number } }>(nodes.b, officeApi('/tickets', nodes.office), { body: { serviceId: 'documents' }, token });
  expect(next.body.ok).toBe(true);
  const documents = rows.filter((row) => row.service_id === 'documents').map((row) => row.number);
  if (next.body.ok) expect(next.body.data.ticket.number).toBe(Math.max(99, ...documents) + 1);

  // Every display, those that were on A included, shows what B says the office's queue is.
  const truth = await call<QueueSnapshot>(nodes.b, officeApi('/snapshot', nodes.office), { deviceKey: nodes.deviceKey('display') });
  if (!truth.body.ok) throw new Error(JSON.stringify(truth.body.error));
  const office = truth.body.data;
  for (const mirror of mirrors) {
    await expect.poll(() => mirror.connection.snapshot?.seq).toBe(office.seq);
    expect(essence(mirror.connection.snapshot!)).toEqual(essence(office));
  }
}, 300_000);
