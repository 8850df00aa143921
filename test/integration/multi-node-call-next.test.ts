// Two booths on two nodes press "call next" at the same instant, round after round. An office's
// commands are decided one at a time across the nodes, each node catching up with what the other
// wrote: no ticket is ever called at two booths, and every ticket is called exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes';

const ROUNDS = 200;

let nodes: TwoNodes;
const clients: TestClient[] = [];

beforeAll(async () => {
  nodes = await startTwoNodes();
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await nodes?.close();
});

async function booth(url: string, token: string, counterId: string): Promise<TestClient> {
  const client = await connectClient(url, { token }, nodes.office);
  clients.push(client);
  const opened = await client.socket.emitWithAck('counter:open', { counterId });
  expect(opened.ok).toBe(true);
  return client;
}

it(`calls no ticket twice when booths on both nodes call next at once, ${ROUNDS} rounds`, async () => {
  const booths = [
    { counterId: 'booth-1', client: await booth(nodes.a.url, await nodes.login('operator1', nodes.a), 'booth-1') },
    { counterId: 'booth-2', client: await booth(nodes.b.url, await nodes.login('operator2', nodes.b), 'booth-2') },
  ];
  const issuer = await nodes.login('operator3');
  const issued: string[] = [];
  const called: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // One ticket waits in even rounds, so one booth gets it and the other finds the queue empty; two
    // in odd rounds, one for each. Tickets are issued through the nodes in turn.
    for (let t = 0; t <= round % 2; t++) {
      const via = issued.length % 2 === 0 ? nodes.a : nodes.b;
      const res = await call<{ ticket: { id: string } }>(via, officeApi('/tickets', nodes.office), { body: { serviceId: 'documents' }, token: issuer });
      if (!res.body.ok) throw new Error(`issue through ${via.id}: ${JSON.stringify(res.body.error)}`);
      issued.push(res.body.data.ticket.id);
    }
    const answers = await Promise.all(booths.map(({ counterId, client }) => client.socket.emitWithAck('counter:call-next', { counterId })));
    const calledNow = answers.flatMap((answer) => {
      if (!answer.ok) {
        expect(answer.error.code).toBe('queue-empty');
        return [];
      }
      return answer.data.ticket ? [answer.data.ticket.id] : [];
    });
    expect(calledNow, `round ${round}`).toHaveLength(round % 2 === 0 ? 1 : 2);
    called.push(...calledNow);
    const finished = await Promise.all(
      answers.flatMap((answer, i) => (answer.ok ? [booths[i]!.client.socket.emitWithAck('counter:finish', { counterId: booths[i]!.counterId })] : [])),
    );
    expect(finished.every((f) => f.ok)).toBe(true);
  }

  expect(new Set(called).size).toBe(called.length);
  expect([...called].sort()).toEqual([...issued].sort());
  // The journal agrees: one call for each ticket, whichever node wrote it.
  const calls = await nodes.read.all<{ ticket_id: string; calls: number }>(
    "SELECT ticket_id, count(*)::int AS calls FROM journal WHERE office_id = ? AND kind = 'ticket-called' GROUP BY ticket_id",
    [nodes.office],
  );
  expect(calls.map((row) => row.ticket_id).sort()).toEqual([...issued].sort());
  expect(calls.every((row) => row.calls === 1)).toBe(true);
}, 600_000);
