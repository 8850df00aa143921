// docs/deploy.md's balancers for real, in front of two real nodes: HAProxy with deploy/haproxy's
// talon.cfg and nginx with deploy/nginx's talon.conf and two-node upstream. Screens and staff reach
// the office through the balancer only; when node A is killed, they reconnect through the same
// address, land on B and go on — no sticky sessions, no client that knows there are two nodes.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, QueueSnapshot, ServerToClientEvents } from '../../common/protocol';
import { ticketRef } from '../../server/realtime/redact';
import { balancerInstalled, startBalancer, type Balancer, type BalancerKind } from '../support/balancers';
import { mirrorQueue, type QueueMirror } from '../support/queue-mirror';
import { officeSocketUrl } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';

const DISPLAYS = 4;

let nodes: TwoNodes | undefined;
let balancer: Balancer | undefined;
let mirrors: QueueMirror[] = [];
let staff: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

afterEach(async () => {
  staff?.close();
  mirrors.forEach((m) => m.close());
  mirrors = [];
  await balancer?.stop();
  await nodes?.close();
  balancer = undefined;
  nodes = undefined;
});

/** A ticket issued through the balancer; asked again with the same request id until a node answers. */
async function issue(socket: Socket<ServerToClientEvents, ClientToServerEvents>): Promise<{ id: string; number: number }> {
  const requestId = randomUUID();
  for (;;) {
    if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const answer = await socket
      .timeout(5_000)
      .emitWithAck('ticket:issue', { serviceId: 'documents', requestId })
      .catch(() => undefined);
    if (answer?.ok) return answer.data.ticket;
    if (answer) throw new Error(JSON.stringify(answer.error));
  }
}

describe.each(['haproxy', 'nginx'] as BalancerKind[])('behind %s', (kind) => {
  it.skipIf(!balancerInstalled(kind))('takes screens and staff to both nodes, and after kill -9 of one they go on through the other', async () => {
    const cluster = await startTwoNodes();
    nodes = cluster;
    balancer = await startBalancer(kind, [cluster.a.port, cluster.b.port]);
    const { url } = balancer;
    mirrors = Array.from({ length: DISPLAYS }, () => mirrorQueue(url, cluster.office, cluster.deviceKey('display')));
    // The screens that were on A lose their connection when it dies; those on B keep theirs.
    const dropped = new Set<QueueMirror>();
    for (const mirror of mirrors) mirror.connection.socket.on('disconnect', () => dropped.add(mirror));
    staff = io(officeSocketUrl(url, cluster.office), { auth: { token: await cluster.login('operator1') }, transports: ['websocket'], forceNew: true });
    const before = [await issue(staff), await issue(staff)];
    await expect.poll(() => mirrors.every((m) => m.connection.snapshot?.tickets.length === before.length)).toBe(true);

    await cluster.a.kill9();
    await expect.poll(() => dropped.size).toBeGreaterThan(0);
    expect(dropped.size).toBeLessThan(DISPLAYS);
    const after = await issue(staff);
    expect(after.number).toBe(before.at(-1)!.number + 1);

    const truth = await call<QueueSnapshot>(cluster.b, officeApi('/snapshot', cluster.office), { deviceKey: cluster.deviceKey('display') });
    if (!truth.body.ok) throw new Error(JSON.stringify(truth.body.error));
    const office = truth.body.data;
    for (const mirror of mirrors) {
      await expect.poll(() => mirror.connection.snapshot?.seq).toBe(office.seq);
      expect(mirror.connection.snapshot!.tickets.map((t) => t.id).sort()).toEqual([...before, after].map((t) => ticketRef(t.id)).sort());
    }
  }, 120_000);
});
