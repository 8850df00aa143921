// Retention against a real server and a generated history: the dry run counts exactly what the purge
// then removes and changes nothing itself; the purge deletes the journal and finished tickets of the
// days past journalDays (with their print jobs, visit records and ratings), erases names, contacts,
// phones and the join page's phone ids past the personal-data period, and leaves every stored day summary — and so every
// analytics report of those days — as it was. The clock is five years after the history.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../common/protocol';
import type { RetentionOverview, RetentionPlan } from '../../common/protocol/retention';
import { zonedToEpoch } from '../../common/time/calendar';
import { REPORT_NAMES } from '../../server/analytics/reports';
import { addContact } from '../../server/notify/contacts-store';
import { enqueue } from '../../server/notify/outbox-store';
import type { Database } from '../../server/store/database';
import { changedTables, databaseFingerprint } from '../support/db-fingerprint';
import { dataDirWithGeneratedHistory } from '../support/history-data';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { createTestDatabase, openTestDatabase } from '../support/test-database';

const ZONE = 'Asia/Irkutsk';
const FIRST: LocalDate = '2025-01-01';
const LAST: LocalDate = '2025-01-10';
/** 1826 days (the default five years) before 2030-01-05: the days before it are purged. */
const TODAY: LocalDate = '2030-01-05';
const KEPT_FROM: LocalDate = '2025-01-05';
const CUT = zonedToEpoch(KEPT_FROM, 0, ZONE);

let history: string;
let server: RunningTalon | undefined;

beforeAll(async () => {
  history = await dataDirWithGeneratedHistory(['--days', '10', '--per-day', '40', '--seed', '3', '--end', LAST]);
}, 240_000);

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A copy of the generated history, so each test purges its own; `before` may change the file before the server opens it. */
async function startOnHistory(before?: (db: Database) => Promise<unknown>): Promise<RunningTalon> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-retention-'));
  await createTestDatabase(dataDir, history);
  if (before) {
    const db = await openTestDatabase(dataDir);
    await before(db);
    await db.close();
  }
  server = await startTalon({ dataDir, clock: () => zonedToEpoch(TODAY, '12:00', ZONE) });
  expect(server.engine.currentConfig.office.timeZone).toBe(ZONE);
  return server;
}

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

const count = async (server: RunningTalon, sql: string, params: (string | number)[] = []) =>
  (await server.db.read.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))!.n;

/** A served ticket of that day, for the rows that name a ticket. */
async function servedTicketOn(server: RunningTalon, day: LocalDate) {
  const ticket = await server.db.read.get<{ id: string; serviceId: string; counterId: string; finishedAt: number }>(
    `SELECT id, service_id AS "serviceId", counter_id AS "counterId", finished_at AS "finishedAt" FROM tickets
     WHERE office_id = 'main' AND service_day = ? AND outcome = 'served' ORDER BY issued_at LIMIT 1`,
    [day],
  );
  if (!ticket) throw new Error(`no served ticket on ${day}`);
  return ticket;
}

/** What the history has no rows of: visitors' personal data in the visit journal and bookings, and a rating. */
async function addPersonalData(server: RunningTalon): Promise<void> {
  const old = await servedTicketOn(server, '2025-01-02');
  const kept = await servedTicketOn(server, '2025-01-08');
  await server.db.transaction(async (tx) => {
    for (const [ticket, day] of [[old, '2025-01-02'], [kept, '2025-01-08']] as const) {
      await tx.run(
        `INSERT INTO visit_records (office_id, ticket_id, service_day, service_id, counter_id, served_at, reason_id, visitor_name, visitor_contact, contact_key, contact_recorded, recorded_at, recorded_by)
         VALUES ('main', ?, ?, ?, ?, ?, 'consultation', 'Кравец О. В.', '89001234567', '9001234567', 1, ?, 'user:admin')`,
        [ticket.id, day, ticket.serviceId, ticket.counterId, ticket.finishedAt, ticket.finishedAt],
      );
    }
    await tx.run(
      `INSERT INTO visit_ratings (office_id, ticket_id, service_day, service_id, score, rated_at) VALUES ('main', ?, '2025-01-02', ?, 5, ?)`,
      [old.id, old.serviceId, old.finishedAt],
    );
    // The old one already swept as a no-show, so the sweep every minute has nothing to change meanwhile.
    const bookings = [
      { id: 'old-booking', day: '2025-01-02', code: 'A1B2C3', status: 'no-show' },
      { id: 'next-booking', day: '2030-01-20', code: 'D4E5F6', status: 'booked' },
    ];
    for (const { id, day, code, status } of bookings) {
      const slot = zonedToEpoch(day, '10:00', ZONE);
      await tx.run(
        `INSERT INTO appointments (id, office_id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status, created_at, created_by, updated_at, manage_token_hash)
         VALUES (?, 'main', ?, ?, ?, ?, ?, 'Кравец О. В.', '+7 900 123-45-67', '79001234567', 'ru', ?, ?, 'public', ?, ?)`,
        [id, code, old.serviceId, day, slot, slot + 15 * 60_000, status, slot - 86_400_000, slot - 86_400_000, `hash-of-${id}`],
      );
    }
    // A visitor's contact past its keep-until, and one still kept. Their messages are not yet due, so no
    // dispatcher pass drops or sends one meanwhile (the dry run must find every table as it was).
    const told = { channel: 'email', address: 'visitor@example.org', language: 'ru' } as const;
    const gone = await addContact(tx, 'main', { ...told, subjectKind: 'ticket', subjectId: old.id, keepUntil: CUT }, old.finishedAt);
    const still = await addContact(tx, 'main', { ...told, subjectKind: 'appointment', subjectId: 'next-booking', keepUntil: zonedToEpoch('2030-02-20', 0, ZONE) }, old.finishedAt);
    const facts = { kind: 'ticket-ahead', ticketId: old.id, ticketCode: 'A1', ahead: 3 } as const;
    for (const contact of [gone, still]) await enqueue(tx, 'main', contact.id, facts, 'ticket-ahead', zonedToEpoch('2030-02-01', 0, ZONE));
    // Both taken from a phone: the journal keeps the second five years, its phone id only the personal-data period.
    for (const { id } of [old, kept]) {
      const row = await tx.get<{ data: string }>('SELECT data FROM tickets WHERE id = ?', [id]);
      const phoneId = `phone-of-${id}`;
      const request = { id: `phone:${phoneId}:r1`, actor: 'public', serviceId: old.serviceId, language: null };
      await tx.run("UPDATE tickets SET source = 'phone', data = ? WHERE id = ?", [JSON.stringify({ ...JSON.parse(row!.data), phoneId, request }), id]);
    }
  });
}

/** Every analytics report of the history's days, as the API answers it. */
async function reports(server: RunningTalon): Promise<Record<string, unknown>> {
  const token = await server.login('admin');
  const answers: Record<string, unknown> = {};
  for (const name of REPORT_NAMES) answers[name] = data(await call(server, officeApi(`/analytics/${name}?from=${FIRST}&to=${LAST}`), { token }));
  return answers;
}

describe('retention', () => {
  it('purges exactly what the dry run announced, and every analytics report of the old days stays the same', async () => {
    let running = await startOnHistory();
    await addPersonalData(running);
    const admin = await running.login('admin');
    const expected = {
      tickets: await count(running, "tickets WHERE office_id = 'main' AND issued_at < ?", [CUT]),
      journal: await count(running, "journal WHERE office_id = 'main' AND at < ?", [CUT]),
      keptTickets: await count(running, "tickets WHERE office_id = 'main' AND issued_at >= ?", [CUT]),
      printJobs: await count(running, "print_jobs WHERE ticket_id IN (SELECT id FROM tickets WHERE office_id = 'main' AND issued_at < ?)", [CUT]),
    };
    expect(expected.tickets).toBeGreaterThan(0);
    expect(expected.journal).toBeGreaterThan(expected.tickets);

    const untouched = await databaseFingerprint(running.db);
    const { next: announced, lastPurge, settings, personalDataDays } = data(await call<RetentionOverview>(running, officeApi('/retention'), { token: admin }));
    expect(changedTables(untouched, await databaseFingerprint(running.db))).toEqual([]);
    expect({ settings, personalDataDays, lastPurge }).toEqual({ settings: { journalDays: 1826 }, personalDataDays: 30, lastPurge: null });
    expect(announced).toMatchObject({ journalBefore: KEPT_FROM, journalWanted: KEPT_FROM, personalDataBefore: zonedToEpoch(TODAY, '12:00', ZONE) - 30 * 86_400_000 });
    expect(announced.counts).toEqual({
      'visitor-details': 2,
      'booking-details': 1,
      'phone-ids': 2,
      'visitor-messages': 1,
      'visitor-contacts': 1,
      'print-jobs': expected.printJobs,
      'visit-records': 1,
      ratings: 1,
      tickets: expected.tickets,
      'journal-events': expected.journal,
    });

    const before = await reports(running);
    const summaries = await databaseFingerprint(running.db);
    const done = data(await call<RetentionPlan>(running, officeApi('/retention/purge'), { body: {}, token: admin }));
    expect(done).toEqual(announced);

    // A fresh server reads the days from the database, not from what the first one held in memory.
    running = server = await running.restart();
    expect(await reports(running)).toEqual(before);
    const after = await databaseFingerprint(running.db);
    expect(after['analytics_days']).toBe(summaries['analytics_days']);
    expect(after['region_days']).toBe(summaries['region_days']);
    expect(await count(running, "tickets WHERE office_id = 'main' AND issued_at < ?", [CUT])).toBe(0);
    expect(await count(running, "journal WHERE office_id = 'main' AND at < ?", [CUT])).toBe(0);
    expect(await count(running, "tickets WHERE office_id = 'main' AND issued_at >= ?", [CUT])).toBe(expected.keptTickets);
    // An erased booking's manage link opens nothing any more.
    expect(await running.db.read.all('SELECT id, name, phone, phone_digits, manage_token_hash FROM appointments ORDER BY id')).toEqual([
      { id: 'next-booking', name: 'Кравец О. В.', phone: '+7 900 123-45-67', phone_digits: '79001234567', manage_token_hash: 'hash-of-next-booking' },
      { id: 'old-booking', name: '', phone: '', phone_digits: '', manage_token_hash: null },
    ]);
    expect(await running.db.read.all('SELECT subject_id AS "subjectId" FROM visitor_contacts')).toEqual([{ subjectId: 'next-booking' }]);
    expect(await count(running, 'outbox')).toBe(1);
    // The kept phone ticket is whole but for its phone id.
    const phoneTickets = await running.db.read.all<{ code: string; data: string }>("SELECT code, data FROM tickets WHERE source = 'phone'");
    expect(phoneTickets).toHaveLength(1);
    const keptData = phoneTickets[0]!.data;
    expect(keptData).not.toContain('phone-of-');
    expect(JSON.parse(keptData)).toMatchObject({ code: phoneTickets[0]!.code, status: 'finished', outcome: 'served' });
    expect(await running.db.read.all('SELECT service_day, reason_id, visitor_name, visitor_contact, contact_key FROM visit_records')).toEqual([
      { service_day: '2025-01-08', reason_id: 'consultation', visitor_name: null, visitor_contact: null, contact_key: null },
    ]);

    const again = data(await call<RetentionOverview>(running, officeApi('/retention'), { token: await running.login('admin') }));
    expect(again.lastPurge).toEqual(done);
    expect(Object.values(again.next.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('summarises a day it is about to delete when nobody has yet, so its reports still read the same', async () => {
    const reference = await reports(await startOnHistory());
    await server!.close();
    // Days the history left unsummarised, as on a server that never reported on them.
    let running = await startOnHistory((db) =>
      db.transaction(async (tx) => {
        await tx.run("DELETE FROM analytics_days WHERE office_id = 'main' AND date IN ('2025-01-02', '2025-01-03')");
        await tx.run("DELETE FROM region_days WHERE office_id = 'main' AND date IN ('2025-01-02', '2025-01-03', '2025-01')");
      }),
    );
    const done = data(await call<RetentionPlan>(running, officeApi('/retention/purge'), { body: {}, token: await running.login('admin') }));
    expect(done.counts.tickets).toBeGreaterThan(0);
    expect(await count(running, "analytics_days WHERE office_id = 'main' AND date IN ('2025-01-02', '2025-01-03')")).toBeGreaterThan(0);
    running = server = await running.restart();
    expect(await reports(running)).toEqual(reference);
  });

  it('stops before a day that still has a ticket open, however old', async () => {
    const running = await startOnHistory();
    // Behind the engine's back: a day the rollover never finished, as a crash might have left it.
    await running.db.transaction((tx) =>
      tx.run("UPDATE tickets SET status = 'waiting', outcome = NULL WHERE id = (SELECT id FROM tickets WHERE office_id = 'main' AND service_day = '2025-01-03' LIMIT 1)"),
    );
    const { next } = data(await call<RetentionOverview>(running, officeApi('/retention'), { token: await running.login('admin') }));
    expect(next).toMatchObject({ journalBefore: '2025-01-03', journalWanted: KEPT_FROM });
    expect(next.counts.tickets).toBe(await count(running, "tickets WHERE office_id = 'main' AND issued_at < ?", [zonedToEpoch('2025-01-03', 0, ZONE)]));
  });

  it("keeps an idle office's newest journal row, so its seq goes on from where it was", async () => {
    const running = await startOnHistory();
    const admin = await running.login('admin');
    expect(data(await call(running, officeApi('/retention/settings'), { method: 'PUT', body: { journalDays: 400 }, token: admin }))).toBeTruthy();
    const newest = (await running.db.read.get<{ seq: number; at: number }>("SELECT seq, at FROM journal WHERE office_id = 'main' ORDER BY seq DESC LIMIT 1"))!;
    const { next } = data(await call<RetentionOverview>(running, officeApi('/retention'), { token: admin }));
    expect(newest.at).toBeLessThan(zonedToEpoch(next.journalBefore, 0, ZONE));
    data(await call<RetentionPlan>(running, officeApi('/retention/purge'), { body: {}, token: admin }));
    expect(await running.db.read.all("SELECT seq FROM journal WHERE office_id = 'main'")).toEqual([{ seq: newest.seq }]);
  });

  it('lets only admins see and change retention, and keeps the journal at least 400 days', async () => {
    const running = await startOnHistory();
    const admin = await running.login('admin');
    const refusal = async (path: string, token: string, body?: unknown) => {
      const answer = await call(running, officeApi(path), body === undefined ? { token } : { method: 'PUT', body, token });
      return answer.body.ok ? 'ok' : answer.body.error.code;
    };
    expect(await refusal('/retention', await running.login('manager'))).toBe('forbidden');
    expect(await refusal('/retention/settings', admin, { journalDays: 30 })).toBe('invalid-input');
    expect(await refusal('/retention/settings', admin, { journalDays: 3650 })).toBe('ok');
    const { settings, next } = data(await call<RetentionOverview>(running, officeApi('/retention'), { token: admin }));
    expect(settings).toEqual({ journalDays: 3650 });
    expect(next.counts.tickets).toBe(0);
  });
});
