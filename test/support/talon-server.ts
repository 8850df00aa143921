// A real Talon for tests: a real database of its own (test-database.ts: a SQLite file in a temp
// dir, or a PostgreSQL database), an organisation with the one office `main` (the demo office, open
// all day unless office hours are asked for), demo staff and devices in it, listening on loopback.
// `restart()` reopens the same database on the same port, as a crash-and-restart would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeApiPath, type OfficeId } from '../../common/protocol';
import type { Clock, QueueEngine } from '../../server/engine/queue-engine';
import type { Logger } from '../../server/observability/logger';
import { createApp, type TalonApp } from '../../server/app';
import type { OfficeRuntime } from '../../server/offices/office-runtime';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { provisionDemo, type DemoCredentials, type DemoOfficeRef } from '../../server/demo';
import type { ChannelSender } from '../../server/notify/channel-sender';
import type { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { seedSingleOffice, SINGLE_OFFICE_ID } from '../../server/store/seed';
import { createTestDatabase, hasTestDatabase, openTestDatabase, templateDataDir } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
const TEST_LOGIN_LIMIT = { burst: 1000, refillEveryMs: 10 };

/** The one office of the organisation every test starts with (as a database from before offices migrates). */
export const MAIN_OFFICE: OfficeId = SINGLE_OFFICE_ID;

/** An office's route: `officeApi('/tickets')` is `/api/offices/main/tickets`. */
export function officeApi(path: string, office: OfficeId = MAIN_OFFICE): string {
  return officeApiPath(office, path);
}

/** The live ticket page a printed QR code opens: it names the office the ticket belongs to. */
export function liveTicketPath(ticketId: string, office: OfficeId = MAIN_OFFICE): string {
  return `/t/${encodeURIComponent(ticketId)}?office=${encodeURIComponent(office)}`;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  clock?: Clock;
  /** Serve the built pages (needs `npm run build`); API-only tests skip them. */
  webApps?: 'dist' | 'none';
  /** Seed 004's real office hours instead of an always-open demo office. */
  officeHours?: boolean;
  /** TALON_PUBLIC_URL. */
  publicUrl?: string;
  /** Origins besides the server's own whose pages may connect. */
  allowedOrigins?: string[];
  /** Where the request and socket lines go (silent under the test runner unless TALON_LOG_LEVEL is set). */
  logger?: Logger;
  /** Replace the real senders of these channels (visitors' messages). */
  senders?: readonly ChannelSender[];
  /** Let the server post push messages to these push services (a test's own, on loopback). */
  pushEndpointAllowed?: (endpoint: URL) => boolean;
  /** …and connect to them at these addresses (loopback: see test-push-service.ts). */
  pushAddressAllowed?: (address: string) => boolean;
}

export interface RunningTalon {
  url: string;
  port: number;
  dataDir: string;
  talon: TalonApp;
  db: Database;
  /** The office the demo staff and devices belong to. */
  office: OfficeId;
  /** That office's queue engine and Socket.IO namespace, as the running app holds them. */
  engine: QueueEngine;
  namespace: OfficeRuntime['namespace'];
  demo: DemoCredentials;
  deviceKey(kind: 'kiosk' | 'display' | 'print-agent'): string;
  /** Logs in and returns the session token (use as `Authorization: Bearer` or socket auth `token`). */
  login(login: string, password?: string): Promise<string>;
  restart(): Promise<RunningTalon>;
  close(): Promise<void>;
}

const DEMO_FILE = 'demo-credentials.json';

/** A migrated, seeded database with its accounts and demo credentials, made once per test worker (see templateDataDir). */
function seededTemplate(officeHours: boolean): Promise<string> {
  return templateDataDir(officeHours ? 'office-hours' : 'all-day', async (db, dir) => {
    await migrate(db);
    await seedSingleOffice(db, Date.now(), { allDay: !officeHours });
    const talon = await createApp({ db, webApps: 'none', dataDir: dir });
    await ensureAdmin(talon.stores, { TALON_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await provisionDemo(talon.stores, join(dir, DEMO_FILE), mainOfficeDemo(talon));
    await talon.close();
  });
}

function mainOffice(talon: TalonApp): OfficeRuntime {
  const office = talon.office(MAIN_OFFICE);
  if (!office) throw new Error(`office ${MAIN_OFFICE} did not start`);
  return office;
}

/** The demo staff and devices all in office main, device names in its language. */
function mainOfficeDemo(talon: TalonApp): DemoOfficeRef[] {
  return [{ id: MAIN_OFFICE, language: mainOffice(talon).engine.currentConfig.office.defaultLanguage }];
}

export async function startTalon(options: StartOptions = {}): Promise<RunningTalon> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'talon-test-'));
  if (!hasTestDatabase(dataDir)) await createTestDatabase(dataDir, await seededTemplate(options.officeHours ?? false));
  const db = await openTestDatabase(dataDir);
  await migrate(db);
  const clock = options.clock ?? Date.now;
  // Browser tests sign the same people in again and again, faster than five a minute; the limit
  // itself is tested in auth-routes.test.ts against the real default.
  const talon = await createApp({
    db,
    clock,
    webApps: options.webApps ?? 'none',
    dataDir,
    loginLimit: TEST_LOGIN_LIMIT,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.senders ? { senders: options.senders } : {}),
    ...(options.pushEndpointAllowed ? { pushEndpointAllowed: options.pushEndpointAllowed } : {}),
    ...(options.pushAddressAllowed ? { pushAddressAllowed: options.pushAddressAllowed } : {}),
  });
  const { engine, namespace } = mainOffice(talon);
  const demo = await provisionDemo(talon.stores, join(dataDir, DEMO_FILE), mainOfficeDemo(talon));
  const port = await talon.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const running: RunningTalon = {
    url,
    port,
    dataDir,
    talon,
    db,
    office: MAIN_OFFICE,
    engine,
    namespace,
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
