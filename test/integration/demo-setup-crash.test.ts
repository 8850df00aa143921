// `kill -9` while the first start sets up the demo region, at several points, then a restart: every
// demo login and device key the server prints works, and no account or device exists twice.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, expect, it } from 'vitest';
import { DEMO_REGION_OFFICES } from '../../server/demo';
import { freePort, launchTalon, type LaunchedTalon } from '../support/talon-process';
import { ADMIN_PASSWORD, call, officeApi } from '../support/talon-server';
import { onlyOn } from '../support/test-database';

let running: LaunchedTalon | undefined;

afterEach(async () => {
  await running?.kill9();
  running = undefined;
});

/** Accounts and devices made so far, read from the server's database file as another process would. */
function madeSoFar(file: string): Promise<number> {
  if (!existsSync(file)) return Promise.resolve(0);
  return new Promise((resolve) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return resolve(0);
      db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM devices) AS n', (error, row) => {
        db.close();
        resolve(error || !row ? 0 : row.n);
      });
    });
  });
}

/** Waits until the start has made at least `count` accounts and devices, or has finished. */
async function reach(file: string, launched: LaunchedTalon, count: number): Promise<void> {
  let finished = false;
  const done = () => (finished = true);
  launched.ready.then(done, done);
  while (!finished && (await madeSoFar(file)) < count) await new Promise((r) => setTimeout(r, 5));
}

/** Every office's kiosk, display and print agent keys as the server printed them. */
function printedKeys(output: string): string[] {
  const keys = [...output.matchAll(/(?:\?key=|--key )([\w-]+)/g)].map((m) => m[1]!);
  expect(keys).toHaveLength(3 * DEMO_REGION_OFFICES.length);
  return keys;
}

/** The demo password and logins as the server printed them. */
function printed(output: string): { password: string; logins: string[] } {
  const line = /Staff logins: (.*); demo password: (\S+)/.exec(output);
  if (!line) throw new Error(`no demo logins printed:\n${output}`);
  // `operator4 (operator in social-protection, consultant in service-115, …); consultant (…)`
  return { password: line[2]!, logins: line[1]!.split('; ').map((entry) => entry.split(' ')[0]!) };
}

// SQLite only: it watches the start's progress in the database file through raw sqlite3.
onlyOn('sqlite')('a first start killed part way', () => {
  it('prints only working demo logins after kill -9 at points during the first start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-demo-crash-'));
    const file = join(dataDir, 'talon.sqlite');
    const port = await freePort();
    // The admin, then twelve demo staff, then three devices per office: kill among the staff, then among the devices.
    for (const point of [2, 16]) {
      running = await launchTalon(dataDir, port);
      await reach(file, running, point);
      await running.kill9();
    }
    running = await launchTalon(dataDir, port);
    const talon = await running.ready;
    const server = { url: talon.url };

    const { password, logins } = printed(talon.output());
    expect(logins).toEqual(['operator1', 'operator2', 'operator3', 'operator4', 'consultant', 'manager', 'operator5', 'operator6', 'operator7', 'operator8', 'manager2', 'analyst']);
    for (const login of logins) {
      const answer = await call(server, '/api/auth/login', { body: { login, password } });
      expect({ login, ok: answer.body.ok }).toEqual({ login, ok: true });
    }
    for (const key of printedKeys(talon.output())) {
      const me = await call<{ kind: string }>(server, '/api/auth/me', { deviceKey: key });
      expect(me.body.ok && me.body.data.kind).toBe('device');
    }
    const admin = await call<{ token: string }>(server, '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } });
    for (const office of DEMO_REGION_OFFICES) {
      const devices = await call<unknown[]>(server, officeApi('/devices', office.id), { token: admin.body.ok ? admin.body.data.token : '' });
      expect({ office: office.id, devices: devices.body.ok && devices.body.data.length }).toEqual({ office: office.id, devices: 3 });
    }
  }, 300_000);
});
