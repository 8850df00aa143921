// `talon export-journal`: one office's day of the journal as CSV, every booth, oldest first, with the
// staff app's columns and who did each thing by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../common/time/calendar';
import { exportJournalCommand } from '../../server/cli/export-journal-command';
import { runCommand } from '../support/talon-cli';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;

beforeEach(async () => {
  server = await startTalon();
});

afterEach(async () => {
  await server.close();
});

/** A visit at booth 1: issued at the kiosk, then opened, called, started and finished by operator1. */
async function serveOneVisit(): Promise<void> {
  await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
  const token = await server.login('operator1');
  for (const step of ['open', 'call-next', 'start', 'finish']) {
    expect((await call(server, officeApi(`/counters/booth-1/${step}`), { body: {}, token })).status).toBe(200);
  }
}

const today = () => localDate(Date.now(), server.engine.currentConfig.office.timeZone);
const kioskName = () => server.demo.devices.find((d) => d.officeId === server.office && d.kind === 'kiosk')!.name;
const operatorName = () => server.demo.staff.find((s) => s.login === 'operator1')!.name;

describe('talon export-journal', () => {
  it("writes the office's day to a file, oldest first, with booth, service and who did it", async () => {
    await serveOneVisit();
    const out = join(server.dataDir, 'journal.csv');

    await runCommand(exportJournalCommand, ['--office', server.office, '--date', today(), '--out', out, '--data-dir', server.dataDir]);

    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('Time,Ticket,What happened,Details,Booth,Service,By');
    expect(rows.map((row) => /^\d\d:\d\d:\d\d,[^,]*,([^,]+),/.exec(row)?.[1])).toEqual(['Issued', 'Booth opened', 'Called', 'Service started', 'Finished']);
    expect(rows[0]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d,Д100,Issued,,,[^,]+,${kioskName()}$`));
    expect(rows[4]).toMatch(new RegExp(`,Д100,Finished,Served,1 [^,]+,[^,]+,${operatorName()}$`));
  });

  it('prints to stdout without --out, and an empty day is the header alone', async () => {
    const printed = await runCommand(exportJournalCommand, ['--office', server.office, '--date', '2020-01-01', '--data-dir', server.dataDir]);
    expect(printed).toBe('Time,Ticket,What happened,Details,Booth,Service,By\r\n');
  });

  it('refuses a date that is not a day and an office that does not exist', async () => {
    await expect(runCommand(exportJournalCommand, ['--office', server.office, '--date', '2026-02-31', '--data-dir', server.dataDir])).rejects.toThrow('not a real day');
    await expect(runCommand(exportJournalCommand, ['--office', 'nowhere', '--data-dir', server.dataDir])).rejects.toThrow('no office "nowhere"');
  });
});
