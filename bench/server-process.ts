// A Talon server in its own process on a fresh data dir, so the load generator and the server
// each get a core of their own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficeId } from '../common/protocol';
import { freePort, spawnTalon, type TalonProcess } from '../test/support/talon-process';
import { ADMIN_PASSWORD, call } from '../test/support/talon-server';
import { prepareOffices } from './office-data';

export interface BenchServer extends TalonProcess {
  /** The offices it runs, main first (bench/office-data.ts). */
  offices: OfficeId[];
  token(login: string): Promise<string>;
  rssMiB(): number;
  /** The demo device of this kind in this office. */
  deviceKey(officeId: OfficeId, kind: 'kiosk' | 'display' | 'print-agent'): string;
}

/** A server running office `main` and, when `offices` > 1, copies of it office-2 … office-N. */
export async function benchServer(offices = 1): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-bench-'));
  const ids = await prepareOffices(dataDir, offices);
  return serverOn(dataDir, ids);
}

/** A server on a data folder prepared beforehand. */
export async function serverOn(dataDir: string, offices: OfficeId[]): Promise<BenchServer> {
  const running = await spawnTalon(dataDir, await freePort());
  return {
    ...running,
    offices,
    token: async (login) => {
      const res = await call<{ token: string }>(running, '/api/auth/login', { body: { login, password: login === 'admin' ? ADMIN_PASSWORD : running.demo.staffPassword } });
      if (!res.body.ok) throw new Error('login failed');
      return res.body.data.token;
    },
    rssMiB: () => {
      const status = readFileSync(`/proc/${running.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    deviceKey: (officeId, kind) => {
      const device = running.demo.devices.find((d) => d.officeId === officeId && d.kind === kind);
      if (!device) throw new Error(`no demo ${kind} in office ${officeId}`);
      return device.key;
    },
  };
}
