// Durable ticket issuing through the REST API with 1, 10 and 50 concurrent clients, beside the raw
// SQLite commit rate (WAL, synchronous=FULL) measured in the same run on the same disk.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../server/store/database';
import { call } from '../test/support/talon-server';
import { benchServer } from './server-process';
import { ms, summarize } from './stats';

async function rawCommitRate(commits: number): Promise<number> {
  const db = await Database.open(join(mkdtempSync(join(tmpdir(), 'talon-raw-')), 'raw.sqlite'));
  await db.transaction((tx) => tx.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)'));
  const start = performance.now();
  for (let i = 0; i < commits; i++) await db.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['x'.repeat(200)]));
  const seconds = (performance.now() - start) / 1000;
  await db.close();
  return commits / seconds;
}

export async function benchIssue(): Promise<string> {
  const server = await benchServer();
  try {
    const adminToken = await server.token('admin');
    const services = ['documents', 'certificates', 'consultation'];
    // Room for tens of thousands of tickets today.
    for (const id of services) {
      const config = await call<{ services: { id: string }[] }>(server, '/api/config', { token: adminToken });
      const service = config.body.ok ? config.body.data.services.find((s) => s.id === id) : undefined;
      await call(server, `/api/config/services/${id}`, { method: 'PUT', token: adminToken, body: { ...service, endNumber: 9999 } });
    }
    const token = await server.token('operator1');
    const lines = ['| concurrent clients | tickets | tickets/s | p50 | p99 |', '| --- | --- | --- | --- | --- |'];
    for (const clients of [1, 10, 50]) {
      const perClient = Math.ceil(3000 / clients);
      const samples: number[] = [];
      const start = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let i = 0; i < perClient; i++) {
            const t0 = performance.now();
            const res = await call(server, '/api/tickets', { body: { serviceId: services[(c + i) % 3] }, token });
            if (!res.body.ok) throw new Error(JSON.stringify(res.body.error));
            samples.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const s = summarize(samples);
      lines.push(`| ${clients} | ${s.n} | ${Math.round(s.n / seconds)} | ${ms(s.p50)} | ${ms(s.p99)} |`);
    }
    const raw = await rawCommitRate(3000);
    lines.push('', `Raw SQLite single-row commits (WAL, synchronous=FULL, same disk, same run): ${Math.round(raw)}/s.`);
    return lines.join('\n');
  } finally {
    await server.kill9();
  }
}
