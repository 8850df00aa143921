// A Talon server in its own process on a fresh data dir, so the load generator and the server
// each get a core of their own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTalon, type TalonProcess } from '../test/support/talon-process';
import { ADMIN_PASSWORD, call } from '../test/support/talon-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function benchServer(): Promise<TalonProcess & { token(login: string): Promise<string>; rssMiB(): number }> {
  const running = await spawnTalon(mkdtempSync(join(tmpdir(), 'talon-bench-')), await freePort());
  return {
    ...running,
    token: async (login) => {
      const res = await call<{ token: string }>(running, '/api/auth/login', { body: { login, password: login === 'admin' ? ADMIN_PASSWORD : running.demo.staffPassword } });
      if (!res.body.ok) throw new Error('login failed');
      return res.body.data.token;
    },
    rssMiB: () => {
      const status = readFileSync(`/proc/${running.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
  };
}
