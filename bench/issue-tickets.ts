// Durable ticket issuing through the REST API with 1, 10 and 50 concurrent clients, beside the raw
// SQLite commit rate (WAL, synchronous=FULL) measured in the same run on the same disk.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { io, type Socket } from 'socket.io-client';
import { officeNamespace, type ClientToServerEvents, type ServerToClientEvents } from '../common/protocol';
import { MAIN_OFFICE, officeApi } from '../test/support/talon-server';
import { jsonPoster } from './http-client';
import { benchServer } from './server-process';
import { ms, summarize } from './stats';

async function rawCommitRate(commits: number): Promise<number> {
  const db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'talon-raw-')), 'raw.sqlite'));
  await db.transaction((tx) => tx.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)'));
  const start = performance.now();
  for (let i = 0; i < commits; i++) await db.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['x'.repeat(200)]));
  const seconds = (performance.now() - start) / 1000;
  await db.close();
  return commits / seconds;
}

const SERVICES = ['documents', 'certificates', 'consultation'];
const PER_RUN = 3000;

/** Issues `tickets` tickets from `clients` concurrent loops; returns per-ticket latencies and the rate. */
export async function measure(clients: number, issue: (serviceId: string) => Promise<void>, tickets = PER_RUN): Promise<{ samples: number[]; perSecond: number }> {
  const perClient = Math.ceil(tickets / clients);
  const samples: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        await issue(SERVICES[(c + i) % SERVICES.length]!);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return { samples, perSecond: samples.length / ((performance.now() - start) / 1000) };
}

function row(transport: string, clients: number, result: { samples: number[]; perSecond: number }): string {
  const s = summarize(result.samples);
  return `| ${transport} | ${clients} | ${s.n} | ${Math.round(result.perSecond)} | ${ms(s.p50)} | ${ms(s.p99)} |`;
}

function staffSocket(url: string, token: string): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${url}${officeNamespace(MAIN_OFFICE)}`, { auth: { token }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve) => socket.once('queue:snapshot', () => resolve(socket)));
}

export async function benchIssue(): Promise<string> {
  const server = await benchServer();
  try {
    const token = await server.token('operator1');
    const lines = ['| transport | concurrent clients | tickets | tickets/s | p50 | p99 |', '| --- | --- | --- | --- | --- | --- |'];
    for (const clients of [1, 10, 50]) {
      const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, clients);
      const issue = async (serviceId: string) => {
        const res = await post(officeApi('/tickets'), { serviceId });
        if (!res.body.ok) throw new Error(JSON.stringify(res.body));
      };
      lines.push(row('REST', clients, await measure(clients, issue)));
    }
    for (const clients of [1, 10, 50]) {
      const sockets = await Promise.all(Array.from({ length: clients }, () => staffSocket(server.url, token)));
      let next = 0;
      const issue = async (serviceId: string) => {
        const res = await sockets[next++ % clients]!.emitWithAck('ticket:issue', { serviceId });
        if (!res.ok) throw new Error(JSON.stringify(res.error));
      };
      lines.push(row('Socket.IO', clients, await measure(clients, issue)));
      sockets.forEach((s) => s.close());
    }
    const raw = await rawCommitRate(3000);
    lines.push('', `Raw SQLite single-row commits (WAL, synchronous=FULL, same disk, same run): ${Math.round(raw)}/s.`);
    return lines.join('\n');
  } finally {
    await server.kill9();
  }
}
