// `kill -9` in the middle of load, then a restart: every acknowledged ticket is there, no number
// was issued twice, and numbering continues after the highest one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_REGION_OFFICES } from '../../server/demo';
import { freePort, spawnTalon, type TalonProcess } from '../support/talon-process';
import { call, officeApi } from '../support/talon-server';
import { expectAcknowledgedStored, issueUnderLoad } from '../support/ticket-load';

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

  const load = await issueUnderLoad(running, OFFICE);
  await load.reached(200);
  await running.kill9();
  running = undefined;
  await load.stop();
  const { acknowledged } = load;

  const rows = await expectAcknowledgedStored(dataDir, OFFICE, acknowledged);

  running = await spawnTalon(dataDir, port);
  const next = await call<{ ticket: { code: string; number: number } }>(server, officeApi('/tickets', OFFICE), {
    body: { serviceId: 'documents' },
    deviceKey: running.demo.devices.find((d) => d.officeId === OFFICE && d.kind === 'kiosk')!.key,
  });
  expect(next.body.ok).toBe(true);
  const documentNumbers = rows.filter((r) => r.code.startsWith('Д')).map((r) => Number(r.code.slice(1)));
  if (next.body.ok) expect(next.body.data.ticket.number).toBe(Math.max(99, ...documentNumbers) + 1);
}, 180_000);
