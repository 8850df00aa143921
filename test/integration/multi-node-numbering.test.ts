// Tickets issued through two nodes of one office: each number is decided under the office's lock
// after the node caught up with the other's tickets, so a service's numbers run 100, 101, … without
// a gap or a repeat, and the office journal's seq has no gap whichever node wrote each row.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalPage } from '../../common/protocol';
import { call, officeApi } from '../support/talon-server';
import { startTwoNodes, type TalonNode, type TwoNodes } from '../support/two-nodes';

let nodes: TwoNodes;
let token: string;

beforeAll(async () => {
  nodes = await startTwoNodes();
  token = await nodes.login('operator1');
});

afterAll(async () => {
  await nodes?.close();
});

async function issue(via: TalonNode, serviceId: string): Promise<{ number: number; code: string }> {
  const res = await call<{ ticket: { number: number; code: string } }>(via, officeApi('/tickets', nodes.office), { body: { serviceId }, token });
  if (!res.body.ok) throw new Error(`issue through ${via.id}: ${JSON.stringify(res.body.error)}`);
  return res.body.data.ticket;
}

const from100 = (count: number) => Array.from({ length: count }, (_, i) => 100 + i);

it('numbers tickets issued through the nodes in turn 100, 101, … in order', async () => {
  const numbers: number[] = [];
  for (let i = 0; i < 60; i++) numbers.push((await issue(i % 2 === 0 ? nodes.a : nodes.b, 'documents')).number);
  expect(numbers).toEqual(from100(60));
});

it('numbers tickets issued through both nodes at once without a gap or a repeat', async () => {
  const tickets = await Promise.all(Array.from({ length: 100 }, (_, i) => issue(i % 2 === 0 ? nodes.a : nodes.b, 'certificates')));
  expect(tickets.map((t) => t.number).sort((x, y) => x - y)).toEqual(from100(100));
  expect(new Set(tickets.map((t) => t.code)).size).toBe(100);
});

it('keeps the office journal gap-free, and both nodes read the same journal', async () => {
  const rows = await nodes.read.all<{ seq: number }>('SELECT seq::int AS seq FROM journal WHERE office_id = ? ORDER BY seq', [nodes.office]);
  const seqs = rows.map((row) => row.seq);
  expect(seqs.length).toBeGreaterThanOrEqual(160);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));

  const pages = await Promise.all(
    [nodes.a, nodes.b].map(async (node) => {
      const page = await call<JournalPage>(node, officeApi('/journal?limit=2000', nodes.office), { token });
      if (!page.body.ok) throw new Error(`journal on ${node.id}: ${JSON.stringify(page.body.error)}`);
      return page.body.data.entries.map((entry) => entry.seq).sort((x, y) => x - y);
    }),
  );
  expect(pages[0]).toEqual(seqs);
  expect(pages[1]).toEqual(seqs);
});
