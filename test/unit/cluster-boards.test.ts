// What staff see when an office's devices are spread over several nodes: each node's boards merged
// into one picture. And a node's own parts: its name, and its readiness probe.
import { describe, expect, it } from 'vitest';
import type { DevicePresence } from '../../common/protocol';
import type { PrinterReport } from '../../common/protocol/printing';
import { nodeIdFrom } from '../../server/cluster/node-id';
import { DatabaseProbe } from '../../server/http/database-probe';
import { PrinterBoard } from '../../server/printing/printer-board';
import { mergePresence } from '../../server/realtime/presence';
import type { Database } from '../../server/store/database';

const hall = (since: number, screens: string[], online = screens.length > 0): DevicePresence => ({
  deviceId: 'd1',
  kind: 'display',
  name: 'Hall display',
  zone: 'hall',
  online,
  since,
  screens: screens.map((screenId) => ({ screenId, since, report: {} })),
});

describe('device presence across nodes', () => {
  it('lists a device once, with its screens on every node, online since its earliest online node', () => {
    const [merged] = mergePresence([[hall(200, ['on-a'])], [hall(100, ['on-b'])], [hall(300, [], false)]]);
    expect(merged).toMatchObject({ online: true, since: 100 });
    expect(merged!.screens.map((s) => s.screenId)).toEqual(['on-a', 'on-b']);
  });

  it('shows a device offline everywhere as offline since the latest word', () => {
    const [merged] = mergePresence([[hall(200, [], false)], [hall(500, [], false)]]);
    expect(merged).toMatchObject({ online: false, since: 500, screens: [] });
  });
});

const report = (paper: PrinterReport['status']['paper']): PrinterReport => ({ model: 'tm-t20', paper: '80mm', status: { online: true, paper } });

describe('print agents across nodes', () => {
  it('counts the connections on every node and takes the latest report of any', async () => {
    const board = new PrinterBoard(() => 1000);
    board.reported('agent', report('ok'));
    const latest = report('near-end');
    board.askOtherNodesWith(async () => [
      { connections: 1, report: latest, reportedAt: 2000 },
      { connections: 0, report: null, reportedAt: null },
    ]);
    const state = await board.acrossNodes('agent');
    expect(state.connections).toBe(1);
    expect(state).toMatchObject({ report: latest, reportedAt: 2000 });
  });
});

describe('a node', () => {
  it('is named by TALON_NODE_ID, else by its host and process', () => {
    expect(nodeIdFrom({ TALON_NODE_ID: ' node-a ' })).toBe('node-a');
    expect(nodeIdFrom({})).toMatch(new RegExp(`-${process.pid}$`));
  });

  it('asks its database once for many health checks, and again once the answer is old', async () => {
    let now = 0;
    let asked = 0;
    let answers = true;
    const db = { read: { get: async () => (asked++, answers ? { one: 1 } : Promise.reject(new Error('down'))) } } as unknown as Database;
    const probe = new DatabaseProbe(db, () => now);
    expect(await Promise.all([probe.reachable(), probe.reachable()])).toEqual([true, true]);
    expect(asked).toBe(1);
    answers = false;
    expect(await probe.reachable()).toBe(true);
    now += 5_000;
    expect(await probe.reachable()).toBe(false);
    expect(asked).toBe(2);
  });
});
