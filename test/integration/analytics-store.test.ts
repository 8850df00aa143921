// The analytics store on each engine: finished days summarised once per office and scope, read back
// after a restart, rebuilt when their version is old, with the regional digests stored beside them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_VISITS, AnalyticsStore, LONGEST_HEAD, readStoredDaySummaries } from '../../server/analytics/analytics-store';
import { digestOf, targetsFingerprint } from '../../server/analytics/day-digest';
import { decodeStored, storeDayDigests } from '../../server/analytics/day-digest-store';
import { outcomes } from '../../server/analytics/outcomes';
import { SUMMARY_VERSION } from '../../server/analytics/summary-codec';
import { waitTimes } from '../../server/analytics/wait-times';
import { addDays, zonedToEpoch } from '../../common/time/calendar';
import type { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { freshDatabase } from '../support/test-database';

const UTC = 'UTC';
const MAIN = 'main';
const OTHER = 'north';
const YESTERDAY = '2024-03-04';
const TODAY = '2024-03-05';
const NOW = zonedToEpoch(TODAY, '12:00', UTC);

let db: Database;

/** A ticket issued, called after `waitMinutes` and served for five minutes, at `time` on `date`, in office `officeId`. */
async function servedTicket(id: string, serviceId: string, date: string, time: string, waitMinutes: number, status = 'finished', officeId = MAIN): Promise<void> {
  const issuedAt = zonedToEpoch(date, time, UTC);
  const calledAt = issuedAt + waitMinutes * 60_000;
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO tickets (office_id, id, issued_service_id, service_id, service_day, number, code, status, source, priority_kind, issued_at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', 'normal', ?, '{}')`,
      [officeId, id, serviceId, serviceId, date, Number(id.replace(/\D/g, '')) || 1, id.toUpperCase(), status, issuedAt],
    );
    // The journal numbers each office's rows itself: the next seq of this office.
    const row = `INSERT INTO journal (office_id, seq, at, kind, ticket_id, counter_id, actor, to_state)
      VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal WHERE office_id = ?), ?, ?, ?, ?, ?, ?)`;
    await tx.run(row, [officeId, officeId, calledAt, 'ticket-called', id, 'c1', 'user:u1', 'called']);
    if (status === 'finished') await tx.run(row, [officeId, officeId, calledAt + 300_000, 'ticket-finished', id, 'c1', 'user:u1', 'served']);
  });
}

const storedRows = async (officeId = MAIN) =>
  (await db.read.all<{ date: string; scope: string }>('SELECT date, scope FROM analytics_days WHERE office_id = ? ORDER BY date, scope', [officeId])).map(
    (r) => `${r.date}|${r.scope}`,
  );
const period = (store: AnalyticsStore, scope = ALL_VISITS) => store.days({ from: YESTERDAY, to: TODAY, timeZone: UTC, scope });
const storeOf = (officeId = MAIN) => new AnalyticsStore(db, officeId, () => NOW);

beforeEach(async () => {
  ({ db } = await freshDatabase('talon-analytics-'));
  await migrate(db);
  // Only the rows the summaries read refer to an office; its document does not matter here.
  for (const officeId of [MAIN, OTHER]) {
    await db.transaction((tx) => tx.run("INSERT INTO offices (id, data, created_at, updated_at) VALUES (?, '{}', 0, 0)", [officeId]));
  }
  await servedTicket('y1', 'docs', YESTERDAY, '09:00', 10);
  await servedTicket('y2', 'certs', YESTERDAY, '10:00', 20);
});

afterEach(async () => {
  await db.close();
});

describe('analytics store', () => {
  it('stores a finished day once, per service, and reads it back after a restart', async () => {
    const first = await period(storeOf());
    expect(first.map((d) => d.date)).toEqual([YESTERDAY, TODAY]);
    expect(await storedRows()).toEqual([`${YESTERDAY}|`, `${YESTERDAY}|certs`, `${YESTERDAY}|docs`]);
    // The journal no longer matters for a stored day: a restarted server answers from the summary.
    await db.transaction((tx) => tx.run('DELETE FROM journal'));
    const restarted = storeOf();
    const input = { period: { from: YESTERDAY, to: TODAY }, days: await period(restarted), services: new Map(), openHours: new Map() };
    expect(outcomes(input).overall).toMatchObject({ issued: 2, served: 2 });
    expect(waitTimes(input).overall.wait).toMatchObject({ count: 2, mean: 15, max: 20 });
    const docs = await period(restarted, 'docs');
    expect(outcomes({ days: docs }).overall.issued).toBe(1);
  });

  it("reads a stored day's whole list of longest waits back only when more than its head is asked for", async () => {
    for (let i = 1; i <= LONGEST_HEAD; i++) await servedTicket(`f${i}`, 'forms', YESTERDAY, '11:00', i);
    await period(storeOf());
    // Each from a restarted store: the first read fills what the second would find in memory.
    const [whole] = await storeOf().days({ from: YESTERDAY, to: TODAY, timeZone: UTC, scope: ALL_VISITS, longest: 100 });
    const [head] = await period(storeOf());
    expect(head!.visits.longest).toHaveLength(LONGEST_HEAD);
    expect(whole!.visits.longest).toHaveLength(LONGEST_HEAD + 2);
  });

  it('keeps today live: a ticket issued after the last report shows in the next one', async () => {
    const store = storeOf();
    expect(outcomes({ days: await period(store) }).overall.issued).toBe(2);
    await servedTicket('t1', 'docs', TODAY, '09:00', 5);
    await servedTicket('t2', 'docs', TODAY, '09:30', 5, 'called');
    expect(outcomes({ days: await period(store) }).overall).toMatchObject({ issued: 4, served: 3 });
    expect(await storedRows()).not.toContain(`${TODAY}|`);
  });

  it('rebuilds a day stored by another version of the summaries', async () => {
    await period(storeOf());
    await db.transaction((tx) => tx.run('UPDATE analytics_days SET version = ?', [SUMMARY_VERSION - 1]));
    const digest = "INSERT INTO region_days (office_id, date, time_zone, version, targets, digest) VALUES (?, ?, 'UTC', 0, '', ?)";
    for (const date of [YESTERDAY, YESTERDAY.slice(0, 7)]) await db.transaction((tx) => tx.run(digest, [MAIN, date, Buffer.from([0])]));
    await servedTicket('y3', 'docs', YESTERDAY, '11:00', 1);
    const days = await period(storeOf());
    expect(outcomes({ days }).overall.issued).toBe(3);
    expect(await db.read.all('SELECT 1 FROM analytics_days WHERE version <> ?', [SUMMARY_VERSION])).toEqual([]);
    // The regional digests of the day and its month, made from the old summary, go with it.
    expect(await db.read.all('SELECT 1 FROM region_days')).toEqual([]);
  });

  it("counts only its own office's visits, and stores each office's day apart", async () => {
    await servedTicket('n1', 'docs', YESTERDAY, '09:00', 30, 'finished', OTHER);
    await servedTicket('n2', 'docs', TODAY, '09:00', 30, 'finished', OTHER);
    expect(outcomes({ days: await period(storeOf()) }).overall.issued).toBe(2);
    const north = await period(storeOf(OTHER));
    expect(outcomes({ days: north }).overall).toMatchObject({ issued: 2, served: 2 });
    expect(waitTimes({ period: { from: YESTERDAY, to: TODAY }, days: north, services: new Map(), openHours: new Map() }).overall.wait.mean).toBe(30);
    expect(await storedRows(OTHER)).toEqual([`${YESTERDAY}|`, `${YESTERDAY}|docs`]);
    expect(await storedRows()).toEqual([`${YESTERDAY}|`, `${YESTERDAY}|certs`, `${YESTERDAY}|docs`]);
  });

  it('reads the stored days of several offices at once, an empty day where none is stored', async () => {
    await servedTicket('n1', 'docs', YESTERDAY, '09:00', 30, 'finished', OTHER);
    await storeOf().summarise(YESTERDAY, YESTERDAY, UTC);
    await storeOf(OTHER).summarise(YESTERDAY, YESTERDAY, UTC);
    const offices = [MAIN, OTHER, 'empty'].map((officeId) => ({ officeId, timeZone: UTC }));
    const stored = await readStoredDaySummaries(db, offices, { from: YESTERDAY, to: TODAY });
    const issued = (officeId: string) => stored.get(officeId)!.map((day) => outcomes({ days: [day] }).overall.issued);
    expect(stored.get(MAIN)!.map((d) => d.date)).toEqual([YESTERDAY, TODAY]);
    // Today is never stored: it can still change.
    expect(issued(MAIN)).toEqual([2, 0]);
    expect(issued(OTHER)).toEqual([1, 0]);
    expect(issued('empty')).toEqual([0, 0]);
    // A summary kept in another time zone is out of date for an office that moved.
    const moved = await readStoredDaySummaries(db, [{ officeId: MAIN, timeZone: 'Europe/Moscow' }], { from: YESTERDAY, to: YESTERDAY });
    expect(outcomes({ days: moved.get(MAIN)! }).overall.issued).toBe(0);
  });
});

describe('the regional digests stored with the days', () => {
  const TARGETS = new Map(['docs', 'certs'].map((id) => [id, { id, targetWaitMinutes: 15, bookedTargetWaitMinutes: 5 }]));
  const digestingStore = () => new AnalyticsStore(db, MAIN, () => NOW, storeDayDigests(MAIN, () => TARGETS));
  const digests = async () => {
    const rows = await db.read.all<{ date: string; targets: string; digest: Buffer }>('SELECT date, targets, digest FROM region_days WHERE office_id = ? ORDER BY date', [MAIN]);
    return new Map(rows.map((row) => [row.date, { targets: row.targets, digest: decodeStored(row.digest) }]));
  };
  const FEBRUARY = Array.from({ length: 29 }, (_, i) => addDays('2024-02-01', i));

  it("stores each finished day's digest with its summary, an empty one for a day without visits, and a finished month added up", async () => {
    await servedTicket('f1', 'docs', '2024-02-10', '09:00', 4);
    await digestingStore().summarise('2024-02-01', YESTERDAY, UTC);
    const stored = await digests();
    // February is over by today (5 March): each of its days, and the month as one; March's days so far, but no month yet.
    expect([...stored.keys()]).toEqual(['2024-02', ...FEBRUARY, '2024-03-01', '2024-03-02', '2024-03-03', YESTERDAY]);
    expect(new Set([...stored.values()].map((row) => row.targets))).toEqual(new Set([targetsFingerprint(TARGETS)]));
    expect(stored.get('2024-02-09')!.digest).toBeNull();
    expect(stored.get('2024-02')!.digest).toMatchObject({ issued: 1, waitCount: 1, waitSumMs: 4 * 60_000 });
    // The digest is the one the regional view would make from the stored summary.
    const [yesterday] = (await readStoredDaySummaries(db, [{ officeId: MAIN, timeZone: UTC }], { from: YESTERDAY, to: YESTERDAY })).get(MAIN)!;
    expect(stored.get(YESTERDAY)!.digest).toEqual(digestOf(yesterday!, TARGETS));
  });

  it('keeps the month right when one of its days is summarised again', async () => {
    await servedTicket('f1', 'docs', '2024-02-10', '09:00', 4);
    await digestingStore().summarise('2024-02-01', '2024-02-29', UTC);
    await db.transaction((tx) => tx.run('UPDATE analytics_days SET version = ?', [SUMMARY_VERSION - 1]));
    await servedTicket('f2', 'docs', '2024-02-10', '10:00', 6);
    await digestingStore().summarise('2024-02-01', '2024-02-29', UTC);
    const stored = await digests();
    expect(stored.get('2024-02-10')!.digest).toMatchObject({ issued: 2, waitSumMs: 10 * 60_000 });
    expect(stored.get('2024-02')!.digest).toMatchObject({ issued: 2, waitSumMs: 10 * 60_000 });
  });
});
