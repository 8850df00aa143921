// The talon commands and the server's backups when Talon runs on PostgreSQL (TALON_DATABASE_URL):
// check-db answers, backup is a pg_dump that restores, restore refuses to touch a shared database,
// and the daily dump is made once a day across the nodes, whether or not they share its folder.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { backupCommand } from '../../server/cli/backup-command';
import { checkDbCommand } from '../../server/cli/check-db-command';
import { restoreCommand } from '../../server/cli/restore-command';
import { migrationsDir, readMigrations } from '../../server/store/migrate';
import { DailyBackups } from '../../server/ops/backup-schedule';
import { databaseCopy } from '../../server/ops/database-copy';
import type { Database } from '../../server/store/database';
import { databaseLocation, openDatabase } from '../../server/store/open-database';
import { lastSeq } from '../../server/store/queue-store';
import { runCommand } from '../support/talon-cli';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { databaseEnv, freshDatabase, onlyOn } from '../support/test-database';

const run = promisify(execFile);
const servers: RunningTalon[] = [];
const opened: Database[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const db of opened.splice(0)) await db.close();
});

async function servedWithATicket(): Promise<RunningTalon> {
  const server = await startTalon();
  servers.push(server);
  const issued = await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
  expect(issued.body.ok).toBe(true);
  return server;
}

onlyOn('postgres')('talon commands on PostgreSQL', () => {
  it('check-db reaches the database, finds its migrations current and summarises each office', async () => {
    const server = await servedWithATicket();
    const last = await lastSeq(server.db.read, server.office);

    const printed = await runCommand(checkDbCommand, ['--data-dir', server.dataDir]);

    const known = (await readMigrations(migrationsDir('postgres'))).length;
    expect(printed).toMatch(new RegExp(`^Database: postgres://.+\nConnection: ok\nMigrations: ${known} of ${known} applied \\(current\\)\n`));
    expect(printed).toMatch(new RegExp(`  ${server.office}: 1 tickets, last event #${last} at \\d{4}-\\d\\d-\\d\\dT`));
  });

  it('check-db fails on a database whose migration was changed', async () => {
    const server = await servedWithATicket();
    await server.db.transaction((tx) => tx.run("UPDATE schema_migrations SET checksum = 'edited'"));

    await expect(runCommand(checkDbCommand, ['--data-dir', server.dataDir])).rejects.toThrow('the database has problems');
  });

  it('backup writes a pg_dump that pg_restore puts back, tickets and all', async () => {
    const server = await servedWithATicket();
    const out = join(mkdtempSync(join(tmpdir(), 'talon-pg-backup-')), 'talon.dump');

    const printed = await runCommand(backupCommand, ['--data-dir', server.dataDir, '--out', out]);

    expect(printed).toMatch(/^Backed up postgres:\/\/.+ to .+talon\.dump\n$/);
    const restored = await freshDatabase('talon-pg-restored-');
    opened.push(restored.db);
    await run('pg_restore', ['--no-owner', `--dbname=${databaseEnv(restored.dataDir).TALON_DATABASE_URL}`, out]);
    expect(await restored.db.read.all('SELECT office_id, code FROM tickets')).toEqual(await server.db.read.all('SELECT office_id, code FROM tickets'));
  });

  it('restore refuses to replace a PostgreSQL database, and says what to use instead', async () => {
    const server = await servedWithATicket();

    await expect(runCommand(restoreCommand, [join(server.dataDir, 'any.sqlite'), '--data-dir', server.dataDir])).rejects.toThrow(
      /refusing to restore: .*TALON_DATABASE_URL says Talon runs on PostgreSQL .*pg_restore/,
    );
  });

  it('makes the day’s dump once, whichever of the nodes comes first, whether they share the backup folder or keep their own', async () => {
    const server = await servedWithATicket();
    const location = databaseLocation(databaseEnv(server.dataDir), server.dataDir);
    const newFolder = () => join(mkdtempSync(join(tmpdir(), 'talon-pg-daily-')), 'backups');
    const shared = newFolder();
    const nodeOn = (db: Database, nodeId: string, folder: string, day: number) => new DailyBackups(databaseCopy(location), { folder, kept: 3, hour: 3 }, db, nodeId, () => new Date(2026, 11, day, 4).getTime());
    const otherNode = await openDatabase(location);
    opened.push(otherNode);

    expect(await nodeOn(server.db, 'node-a', shared, 2).runIfDue()).toBe(join(shared, 'talon-daily-2026-12-02.dump'));
    expect(await nodeOn(otherNode, 'node-b', shared, 2).runIfDue()).toBeUndefined();
    expect(readdirSync(shared)).toEqual(['talon-daily-2026-12-02.dump']);
    expect(existsSync(join(shared, 'talon-daily-2026-12-02.dump.partial'))).toBe(false);

    // Each node with a folder of its own (the default, under its data folder): still one dump.
    const [folderA, folderB] = [newFolder(), newFolder()];
    const nodes = [nodeOn(server.db, 'node-a', folderA, 3), nodeOn(otherNode, 'node-b', folderB, 3)];
    const made = await Promise.all(nodes.map((node) => node.runIfDue()));
    // Both at once: one made it, the other found the lock held and would try again at its next check.
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await Promise.all(nodes.map((node) => node.runIfDue()))).toEqual([undefined, undefined]);
    const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);
    expect([...filesIn(folderA), ...filesIn(folderB)]).toEqual(['talon-daily-2026-12-03.dump']);
    expect(await server.db.read.all('SELECT day, node_id, file FROM daily_backups ORDER BY day')).toEqual([
      { day: '2026-12-02', node_id: 'node-a', file: join(shared, 'talon-daily-2026-12-02.dump') },
      { day: '2026-12-03', node_id: made[0] ? 'node-a' : 'node-b', file: made.find(Boolean) },
    ]);
  });
});
