// `kill -9` in the middle of load, then a restart: every acknowledged ticket is there, no number
// was issued twice, and numbering continues after the highest one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Database } from '../../server/store/database';
import { DEMO_REGION_OFFICES } from '../../server/demo';
import { freePort, spawnTalon, type TalonProcess } from '../support/talon-process';
import { call, officeApi } from '../support/talon-server';

let running: TalonProcess | undefined;
/** The demo region's first office: operator1 and the documents, certificates and consultation services are there. */
const OFFICE = DEMO_REGION_OFFICES[0]!.id;

afterEach(async () => {
  await running?.kill9();
  running = undefined;
});

it('loses no acknowledged ticket and repeats no number after kill -9 under load', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-crash-'));
  const port = await freePort();
  running = await spawnTalon(dataDir, port);
  const server = { url: running.url };

  const login = await call<{ token: string }>(server, '/api/auth/login', { body: { login: 'operator1', password: running.demo.staffPassword } });
  const token = login.body.ok ? login.body.data.token : '';
  const acknowledged: { id: string; code: string }[] = [];
  let stop = false;
  // Ten clients issue as fast as they can (as staff: a kiosk's key is rate-limited).
  const workers = Array.from({ length: 10 }, async (_, i) => {
    const serviceId = ['documents', 'certificates', 'consultation'][i % 3]!;
    while (!stop) {
      try {
        const res = await call<{ ticket: { id: string; code: string } }>(server, officeApi('/tickets', OFFICE), { body: { serviceId }, token });
        if (res.body.ok) acknowledged.push({ id: res.body.data.ticket.id, code: res.body.data.ticket.code });
      } catch {
        return; // the connection died with the server
      }
    }
  });
  while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 20));
  await running.kill9();
  running = undefined;
  stop = true;
  await Promise.all(workers);

  const db = await Database.open(join(dataDir, 'talon.sqlite'));
  const rows = await db.read.all<{ id: string; code: string }>('SELECT id, code FROM tickets WHERE office_id = ?', [OFFICE]);
  await db.close();
  const stored = new Map(rows.map((r) => [r.id, r.code]));
  for (const ticket of acknowledged) expect(stored.get(ticket.id)).toBe(ticket.code);
  expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);

  running = await spawnTalon(dataDir, port);
  const next = await call<{ ticket: { code: string; number: number } }>(server, officeApi('/tickets', OFFICE), {
    body: { serviceId: 'documents' },
    deviceKey: running.demo.devices.find((d) => d.officeId === OFFICE && d.kind === 'kiosk')!.key,
  });
  expect(next.body.ok).toBe(true);
  const documentNumbers = rows.filter((r) => r.code.startsWith('Д')).map((r) => Number(r.code.slice(1)));
  if (next.body.ok) expect(next.body.data.ticket.number).toBe(Math.max(99, ...documentNumbers) + 1);
}, 180_000);
