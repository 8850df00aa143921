// A real Talon for tests: a real SQLite file in a temp dir, the demo office (open all day unless an
// office is given), demo staff and devices, listening on loopback. `restart()` reopens the same
// file on the same port, as a crash-and-restart would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../server/engine/queue-engine';
import { createApp, type TalonApp } from '../../server/app';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { provisionDemo, type DemoCredentials } from '../../server/demo';
import { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { seedDemoOffice } from '../../server/store/seed';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface StartOptions {
  dataDir?: string;
  port?: number;
  clock?: Clock;
  /** Serve the built pages (needs `npm run build`); API-only tests skip them. */
  webApps?: 'dist' | 'none';
  /** Seed 004's real office hours instead of an always-open demo office. */
  officeHours?: boolean;
}

export interface RunningTalon {
  url: string;
  port: number;
  dataDir: string;
  talon: TalonApp;
  db: Database;
  demo: DemoCredentials;
  deviceKey(kind: 'kiosk' | 'display' | 'print-agent'): string;
  /** Logs in and returns the session token (use as `Authorization: Bearer` or socket auth `token`). */
  login(login: string, password?: string): Promise<string>;
  restart(): Promise<RunningTalon>;
  close(): Promise<void>;
}

export async function startTalon(options: StartOptions = {}): Promise<RunningTalon> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'talon-test-'));
  const db = await Database.open(join(dataDir, 'talon.sqlite'));
  await migrate(db);
  const clock = options.clock ?? Date.now;
  await seedDemoOffice(db, clock(), { allDay: !options.officeHours });
  const talon = await createApp({ db, clock, webApps: options.webApps ?? 'none' });
  await ensureAdmin(talon.stores, { TALON_ADMIN_PASSWORD: ADMIN_PASSWORD });
  const demo = await provisionDemo(talon.stores, join(dataDir, 'demo-credentials.json'));
  const port = await talon.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const running: RunningTalon = {
    url,
    port,
    dataDir,
    talon,
    db,
    demo,
    deviceKey: (kind) => demo.devices.find((d) => d.kind === kind)!.key,
    login: async (login, password) => {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password: password ?? (login === 'admin' ? ADMIN_PASSWORD : demo.staffPassword) }),
      });
      const body = (await response.json()) as { ok: boolean; data?: { token: string }; error?: unknown };
      if (!body.ok || !body.data) throw new Error(`login ${login} failed: ${JSON.stringify(body.error)}`);
      return body.data.token;
    },
    restart: async () => {
      await running.close();
      return startTalon({ ...options, dataDir, port });
    },
    close: async () => {
      await talon.close();
      await db.close();
    },
  };
  return running;
}

/** JSON over HTTP with optional bearer token or device key; returns status and parsed body. */
export async function call<T = unknown>(
  server: { url: string },
  path: string,
  init: { method?: string; body?: unknown; token?: string; deviceKey?: string; rawBody?: string } = {},
): Promise<{ status: number; body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } } }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined || init.rawBody !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.deviceKey) headers.Authorization = `Device ${init.deviceKey}`;
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.rawBody !== undefined ? { body: init.rawBody } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as never };
}
