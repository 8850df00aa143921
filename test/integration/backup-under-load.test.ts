// `talon backup` while a real server issues tickets as fast as ten clients can ask, then `talon
// restore` of that copy into a new data folder and a server started on it: every ticket
// acknowledged before the backup began is there, and numbering goes on without a repeat.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_REGION_OFFICES } from '../../server/demo';
import { runTalonCli } from '../support/talon-cli';
import { freePort, launchTalon, spawnTalon, type TalonProcess } from '../support/talon-process';
import { call, officeApi } from '../support/talon-server';
import { onlyOn } from '../support/test-database';
import { expectAcknowledgedStored, issueUnderLoad } from '../support/ticket-load';

/** The demo region's first office: operator1 and the documents, certificates and consultation services are there. */
const OFFICE = DEMO_REGION_OFFICES[0]!.id;
const running: TalonProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.kill9()));
});

async function start(dataDir: string): Promise<TalonProcess> {
  const server = await spawnTalon(dataDir, await freePort());
  running.push(server);
  return server;
}

// SQLite only: `talon backup` and `talon restore` copy the data folder's SQLite file (PostgreSQL's are pg_dump's).
onlyOn('sqlite')('a backup taken under load', () => {
  it('restores, from a backup taken under load, every ticket acknowledged before it began, numbering going on without repeats; restore and a second server are refused while it serves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-backup-live-'));
    const backup = join(mkdtempSync(join(tmpdir(), 'talon-backup-out-')), 'talon.backup.sqlite');
    const server = await start(dataDir);
    const load = await issueUnderLoad(server, OFFICE);
    const { acknowledged } = load;
    await load.reached(100);

    const beforeBackup = [...acknowledged];
    const backedUp = await runTalonCli(['backup', '--data-dir', dataDir, '--out', backup]);
    expect(backedUp).toMatchObject({ code: 0, stdout: `Backed up ${join(dataDir, 'talon.sqlite')} to ${backup}\n` });
    // The server went on issuing while the copy was taken.
    expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);

    const underServer = await runTalonCli(['restore', backup, '--data-dir', dataDir]);
    expect(underServer.code).not.toBe(0);
    expect(underServer.stderr).toContain('refusing to restore: another Talon (a server or a restore) is using the data folder');
    // Nor does a second server start on the folder the first one serves.
    await expect((await launchTalon(dataDir, await freePort())).ready).rejects.toThrow('Talon exited with 1');
    await load.stop();
    await server.kill9();

    const newDataDir = mkdtempSync(join(tmpdir(), 'talon-backup-restored-'));
    const restored = await runTalonCli(['restore', backup, '--data-dir', newDataDir]);
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining(`Restored ${backup} as ${join(newDataDir, 'talon.sqlite')}`) });
    expect(existsSync(backup)).toBe(true);
    // The demo's passwords and device keys live beside the database, not in it.
    copyFileSync(join(dataDir, 'demo-credentials.json'), join(newDataDir, 'demo-credentials.json'));
    const revived = await start(newDataDir);
    const next = await call<{ ticket: { code: string; number: number } }>(revived, officeApi('/tickets', OFFICE), {
      body: { serviceId: 'documents' },
      deviceKey: revived.demo.devices.find((d) => d.officeId === OFFICE && d.kind === 'kiosk')!.key,
    });
    await revived.kill9();

    const rows = await expectAcknowledgedStored(newDataDir, OFFICE, beforeBackup);
    const issued = next.body.ok ? next.body.data.ticket : undefined;
    expect(issued).toBeDefined();
    const restoredDocuments = rows.filter((r) => r.code.startsWith('Д') && r.code !== issued!.code).map((r) => Number(r.code.slice(1)));
    expect(issued!.number).toBe(Math.max(...restoredDocuments) + 1);
  }, 180_000);
});
