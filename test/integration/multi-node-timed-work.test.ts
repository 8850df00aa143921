// Timed work with two nodes in one process on one PostgreSQL database (two createApp on two pools),
// each node's own run started on both at once, as their timers would: the appointment no-show sweep
// marks a missed booking once, the phone arrival sweep drops an unarrived phone ticket once (one
// journal row), the day summaries store each finished day once, and the daily purge removes a day
// past the journal's period and expired personal data once. docs/deploy.md ("Timed work runs
// once") says how each kind is kept to once; the rollover and the daily backup have their two-node
// tests in nodes-in-process.test.ts and database-ops-postgres.test.ts.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_REMOTE_JOIN_SETTINGS, type JoinReceipt, type RemoteJoinSettings } from '../../common/protocol';
import { PURGE_KINDS, type PurgeKind } from '../../common/protocol/retention';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import { ALL_VISITS } from '../../server/analytics/analytics-store';
import { summariseFinishedDays } from '../../server/analytics/analytics-feature';
import { createApp, type TalonApp } from '../../server/app';
import { AppointmentBook } from '../../server/appointments/appointment-book';
import { createChannelSettingsStore } from '../../server/notify/channel-settings-store';
import type { OfficeRuntime } from '../../server/offices/office-runtime';
import { PhoneQueue } from '../../server/remote-join/phone-queue';
import { createRetention, runDailyPurge } from '../../server/retention/retention-feature';
import type { Database } from '../../server/store/database';
import { createVisitJournalStore } from '../../server/store/visit-journal-store';
import { VisitJournal } from '../../server/visits/visit-journal';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { onlyOn, openTestDatabase } from '../support/test-database';

const MINUTE = 60_000;

interface Node {
  db: Database;
  office: OfficeRuntime;
}

/** Both nodes' clock, at the office's midday (no midnight in between), moved by the tests. */
let now = 0;
let a: RunningTalon;
let bApp: TalonApp;
let nodes: Node[];

beforeEach(async () => {
  now = Date.now();
  a = await startTalon({ clock: () => now });
  const { timeZone } = a.engine.currentConfig.office;
  now = zonedToEpoch(localDate(now, timeZone), '12:00', timeZone);
  const bDb = await openTestDatabase(a.dataDir);
  bApp = await createApp({ db: bDb, webApps: 'none', dataDir: a.dataDir, nodeId: 'node-b', clock: () => now });
  nodes = [
    { db: a.db, office: a.talon.office(a.office)! },
    { db: bDb, office: bApp.office(a.office)! },
  ];
});

afterEach(async () => {
  await bApp.close();
  await nodes[1]!.db.close();
  await a.close();
});

const sum = (counts: number[]) => counts.reduce((total, n) => total + n, 0);

/** A ticket from the kiosk, by its key: a staff session would have expired by the next day. */
async function issue(): Promise<void> {
  expect((await call(a, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: a.deviceKey('kiosk') })).status).toBe(200);
}

onlyOn('postgres')('timed work on two nodes at once', () => {
  it('marks a missed booking no-show once, whichever node’s sweep gets there', async () => {
    const slot = now - 60 * MINUTE;
    await a.db.transaction((tx) =>
      tx.run(
        `INSERT INTO appointments (id, office_id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status, created_at, created_by, updated_at)
         VALUES ('missed', ?, 'A-MISSED', 'consultation', ?, ?, ?, '', '', '', 'en', 'booked', ?, 'public', ?)`,
        [a.office, localDate(slot, a.engine.currentConfig.office.timeZone), slot, slot + 15 * MINUTE, slot - MINUTE, slot - MINUTE],
      ),
    );
    const books = await Promise.all(nodes.map(({ db, office }) => AppointmentBook.load({ db, officeId: office.officeId, engine: office.engine, newId: () => 'unused' })));

    const marked = await Promise.all(books.map((book) => book.sweepNoShows()));

    expect(sum(marked)).toBe(1);
    expect(await a.db.read.get('SELECT status FROM appointments WHERE id = ?', ['missed'])).toEqual({ status: 'no-show' });
  });

  it('drops a phone ticket whose "I’m here" did not come in time once, with one journal row', async () => {
    const admin = await a.login('admin');
    const rules: RemoteJoinSettings = { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true, requireArrival: true, arriveWithinMinutes: 30 };
    expect((await call(a, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: rules })).status).toBe(200);
    const joined = await call<JoinReceipt>(a, officeApi('/public/join'), { body: { serviceId: 'documents', phoneId: 'phone-aaaaaaaaaaaaaaaa', language: 'en' } });
    if (!joined.body.ok) throw new Error(`join failed: ${JSON.stringify(joined.body.error)}`);
    const { ticketId } = joined.body.data;
    // Node B takes the phone ticket in before its sweep, as its cluster bus would have told it.
    await expect.poll(() => nodes[1]!.office.engine.currentState.tickets.has(ticketId)).toBe(true);
    const queues = nodes.map(({ db, office }) => new PhoneQueue({ db, officeId: office.officeId, engine: office.engine, settings: createChannelSettingsStore(db, office.officeId), publicUrl: () => a.url }));
    now += 30 * MINUTE;

    const dropped = await Promise.all(queues.map((queue) => queue.sweep()));

    expect(sum(dropped)).toBe(1);
    const finished = await a.db.read.all("SELECT to_state FROM journal WHERE office_id = ? AND ticket_id = ? AND kind = 'ticket-finished'", [a.office, ticketId]);
    expect(finished).toEqual([{ to_state: 'no-show' }]);
  });

  it('stores a finished day’s summary once, whichever node summarises first', async () => {
    await issue();
    const yesterday = localDate(now, a.engine.currentConfig.office.timeZone);
    now += 24 * 60 * MINUTE;
    // Today's first command ends yesterday (the rollover), so yesterday is finished and can be stored.
    await issue();
    const summarise = ({ db, office }: Node) => summariseFinishedDays({ db, officeId: office.officeId, engine: office.engine }, office.analytics);
    const storedDay = () => a.db.read.all<{ longest: string }>('SELECT longest FROM analytics_days WHERE office_id = ? AND scope = ? AND date = ?', [a.office, ALL_VISITS, yesterday]);

    await Promise.all(nodes.map(summarise));
    expect(await storedDay()).toHaveLength(1);
    // Marked, so a node storing the day again would show: neither does, each finds it stored.
    await a.db.transaction((tx) => tx.run("UPDATE analytics_days SET longest = 'stored once' WHERE office_id = ? AND date = ?", [a.office, yesterday]));
    for (const node of nodes) await summarise(node);

    expect(await storedDay()).toEqual([{ longest: 'stored once' }]);
  });

  it('purges a day past the journal’s period and expired personal data once, whichever node purges first', async () => {
    const { timeZone } = a.engine.currentConfig.office;
    await issue();
    const slot = now - 60 * MINUTE;
    await a.db.transaction((tx) =>
      tx.run(
        `INSERT INTO appointments (id, office_id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status, created_at, created_by, updated_at)
         VALUES ('old', ?, 'A-OLD', 'consultation', ?, ?, ?, 'Кравец О. В.', '+7 900 123-45-67', '79001234567', 'en', 'no-show', ?, 'public', ?)`,
        [a.office, localDate(slot, timeZone), slot, slot + 15 * MINUTE, slot - MINUTE, slot - MINUTE],
      ),
    );
    const oldDay = localDate(now, timeZone);
    // One day past the default five years (1826 days); today's first ticket ends the old day (the rollover).
    now += 1827 * 24 * 60 * MINUTE;
    await issue();
    const cut = zonedToEpoch(addDays(localDate(now, timeZone), -1826), 0, timeZone);
    const retentions = nodes.map(({ db, office }) =>
      createRetention({ db, officeId: office.officeId, engine: office.engine, analytics: office.analytics, visitJournal: new VisitJournal(createVisitJournalStore(db, office.officeId), office.engine) }),
    );
    const purge = (node: Node, i: number) => runDailyPurge({ db: node.db, officeId: node.office.officeId }, retentions[i]!);
    const count = async (sql: string, params: (string | number)[]) => (await a.db.read.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))!.n;
    const left = async () => ({
      oldTickets: await count('tickets WHERE office_id = ? AND issued_at < ?', [a.office, cut]),
      oldJournal: await count('journal WHERE office_id = ? AND at < ?', [a.office, cut]),
      tickets: await count('tickets WHERE office_id = ?', [a.office]),
      journal: await count('journal WHERE office_id = ?', [a.office]),
      purgeReports: await count('retention_purges WHERE office_id = ?', [a.office]),
      oldDaySummaries: await count('analytics_days WHERE office_id = ? AND scope = ? AND date = ?', [a.office, ALL_VISITS, oldDay]),
      booking: await a.db.read.get('SELECT name, phone, phone_digits FROM appointments WHERE id = ?', ['old']),
    });
    const announced = await retentions[0]!.dryRun();
    expect(announced.counts).toMatchObject({ tickets: 1, 'booking-details': 1 });
    expect(announced.counts['journal-events']).toBeGreaterThan(0);
    const before = await left();

    const done = (await Promise.all(nodes.map(purge))).filter((plan) => plan !== null);

    // Whether the second node found the purge under way or came after it, the two removed what was announced, once.
    const removed = (kind: PurgeKind) => sum(done.map((plan) => plan.counts[kind]));
    expect(Object.fromEntries(PURGE_KINDS.map((kind) => [kind, removed(kind)]))).toEqual(announced.counts);
    const purged = await left();
    expect(purged).toEqual({
      oldTickets: 0,
      oldJournal: 0,
      tickets: before.tickets - announced.counts.tickets,
      journal: before.journal - announced.counts['journal-events'],
      purgeReports: 1,
      oldDaySummaries: 1,
      booking: { name: '', phone: '', phone_digits: '' },
    });
    // One node after the other: each finds nothing left to remove.
    const nothing = Object.fromEntries(PURGE_KINDS.map((kind) => [kind, 0]));
    for (const [i, node] of nodes.entries()) expect((await purge(node, i))?.counts).toEqual(nothing);

    expect(await left()).toEqual(purged);
  });
});
