// Hall displays on one node see what booths and kiosks do on the other: events cross the nodes
// (Socket.IO's PostgreSQL adapter), every event reaches every display once, and a display that
// follows the office as the real screens do ends with what either node says is the office's state.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../common/protocol';
import { ticketRef } from '../../server/realtime/redact';
import { mirrorQueue, type QueueMirror } from '../support/queue-mirror';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TalonNode, type TwoNodes } from '../support/two-nodes';

let nodes: TwoNodes;
let operator1: string;
let operator2: string;
let clients: TestClient[] = [];
let mirrors: QueueMirror[] = [];

beforeAll(async () => {
  nodes = await startTwoNodes();
  operator1 = await nodes.login('operator1', nodes.a);
  operator2 = await nodes.login('operator2', nodes.b);
});

afterEach(() => {
  clients.forEach((c) => c.close());
  mirrors.forEach((m) => m.close());
  clients = [];
  mirrors = [];
});

afterAll(async () => {
  await nodes?.close();
});

async function connect(node: TalonNode, auth: { token?: string; deviceKey?: string }): Promise<TestClient> {
  const client = await connectClient(node.url, auth, nodes.office);
  clients.push(client);
  return client;
}

const display = (node: TalonNode) => connect(node, { deviceKey: nodes.deviceKey('display') });

/** Events since the display's snapshot carry the next seq each: none missing, none twice. */
function expectInSequence(client: TestClient): void {
  const first = client.snapshots[0]!.seq;
  expect(client.events.map((e) => e.seq)).toEqual(client.events.map((_, i) => first + i + 1));
}

/** What a node says the office's queue is now, as a display is shown it. */
async function truth(node: TalonNode): Promise<QueueSnapshot> {
  const res = await call<QueueSnapshot>(node, officeApi('/snapshot', nodes.office), { deviceKey: nodes.deviceKey('display') });
  if (!res.body.ok) throw new Error(`snapshot on ${node.id}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

/** The parts of a snapshot both nodes and every display must agree on (estimates are computed at each look). */
const essence = (snapshot: QueueSnapshot) => ({
  seq: snapshot.seq,
  tickets: snapshot.tickets.map((t) => `${t.code} ${t.status} ${t.counterId ?? '-'}`).sort(),
  counters: snapshot.counterStates.map((c) => `${c.counterId} ${c.status} ${c.ticketId ?? '-'}`).sort(),
  recentCalls: snapshot.recentCalls.map((c) => `${c.code} ${c.counterId} ${c.seq}`),
});

/** Issue, open, call and finish at one booth through one node's staff socket; returns how displays name the called ticket. */
async function serveOne(staff: TestClient, counterId: string): Promise<string> {
  const issued = await staff.socket.emitWithAck('ticket:issue', { serviceId: 'documents' });
  if (!issued.ok) throw new Error(JSON.stringify(issued.error));
  expect((await staff.socket.emitWithAck('counter:open', { counterId })).ok).toBe(true);
  const called = await staff.socket.emitWithAck('counter:call-next', { counterId });
  if (!called.ok || !called.data.ticket) throw new Error(JSON.stringify(called));
  expect((await staff.socket.emitWithAck('counter:finish', { counterId })).ok).toBe(true);
  return ticketRef(called.data.ticket.id);
}

it('shows a call made on node A on a display connected to node B, in sequence', async () => {
  const onB = await display(nodes.b);
  const onA = await display(nodes.a);
  const staff = await connect(nodes.a, { token: operator1 });
  const ref = await serveOne(staff, 'booth-1');
  for (const screen of [onB, onA]) {
    await screen.waitFor((events) => events.some((e) => e.kind === 'ticket-finished' && e.ticket?.id === ref), 30_000);
    expect(screen.events.find((e) => e.kind === 'ticket-called')?.ticket?.id).toBe(ref);
    expect(screen.events.map((e) => e.kind)).toEqual(['ticket-issued', 'counter-opened', 'ticket-called', 'ticket-finished']);
    expectInSequence(screen);
  }
});

it('shows a call made on node B on a display connected to node A, in sequence', async () => {
  const onA = await display(nodes.a);
  const staff = await connect(nodes.b, { token: operator2 });
  const ref = await serveOne(staff, 'booth-2');
  await onA.waitFor((events) => events.some((e) => e.kind === 'ticket-finished' && e.ticket?.id === ref), 30_000);
  expect(onA.events.find((e) => e.kind === 'ticket-called')?.ticket?.id).toBe(ref);
  expectInSequence(onA);
});

it('brings every event of both nodes to displays on both, and their screens to the office state', async () => {
  const screens = [await display(nodes.a), await display(nodes.b)];
  mirrors = [nodes.a, nodes.b].map((node) => mirrorQueue(node.url, nodes.office, nodes.deviceKey('display')));
  await expect.poll(() => mirrors.every((m) => m.connection.snapshot !== null)).toBe(true);
  const booths = [
    { staff: await connect(nodes.a, { token: operator1 }), counterId: 'booth-1' },
    { staff: await connect(nodes.b, { token: operator2 }), counterId: 'booth-2' },
  ];
  for (const { staff, counterId } of booths) expect((await staff.socket.emitWithAck('counter:open', { counterId })).ok).toBe(true);

  // Kiosk work and booth work on both nodes at once, twenty rounds.
  for (let round = 0; round < 20; round++) {
    await Promise.all(
      booths.map(async ({ staff, counterId }) => {
        const issued = await staff.socket.emitWithAck('ticket:issue', { serviceId: round % 2 === 0 ? 'documents' : 'certificates' });
        expect(issued.ok).toBe(true);
        const called = await staff.socket.emitWithAck('counter:call-next', { counterId });
        if (called.ok && called.data.ticket && round % 3 !== 0) expect((await staff.socket.emitWithAck('counter:finish', { counterId })).ok).toBe(true);
        else if (called.ok && called.data.ticket) expect((await staff.socket.emitWithAck('counter:start', { counterId })).ok).toBe(true);
      }),
    );
    // A booth left serving in this round finishes before the next one calls.
    for (const { staff, counterId } of booths) await staff.socket.emitWithAck('counter:finish', { counterId });
  }

  const [onA, onB] = await Promise.all([truth(nodes.a), truth(nodes.b)]);
  expect(essence(onB)).toEqual(essence(onA));
  for (const screen of screens) {
    await expect.poll(() => Math.max(0, ...screen.events.map((e) => e.seq))).toBe(onA.seq);
    // Events of two nodes may arrive in either order; none is missing and none comes twice.
    const first = screen.snapshots[0]!.seq;
    const seqs = screen.events.map((e) => e.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(seqs.map((_, i) => first + i + 1));
  }
  for (const mirror of mirrors) {
    await expect.poll(() => mirror.connection.snapshot?.seq).toBe(onA.seq);
    expect(essence(mirror.connection.snapshot!)).toEqual(essence(onA));
  }
});

it('gives staff on the other node full tickets and displays on either node redacted ones, once each', async () => {
  const screens = [await display(nodes.a), await display(nodes.b)];
  const watcher = await connect(nodes.b, { token: operator2 });
  const staff = await connect(nodes.a, { token: operator1 });
  expect((await staff.socket.emitWithAck('ticket:issue', { serviceId: 'documents' })).ok).toBe(true);
  expect((await staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' })).ok).toBe(true);
  expect((await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' })).ok).toBe(true);
  const transfer = { counterId: 'booth-1', toServiceId: 'consultation', comment: 'private note', returnAfter: false };
  expect((await staff.socket.emitWithAck('counter:transfer', transfer)).ok).toBe(true);
  for (const client of [...screens, watcher, staff]) {
    await client.waitFor((events) => events.some((e) => e.kind === 'ticket-transferred'), 30_000);
    expectInSequence(client);
  }
  for (const screen of screens) expect(screen.events.find((e) => e.kind === 'ticket-transferred')?.ticket?.comment).toBeNull();
  for (const client of [watcher, staff]) expect(client.events.find((e) => e.kind === 'ticket-transferred')?.ticket?.comment).toBe('private note');
});
