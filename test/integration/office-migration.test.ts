// The upgrade from single-office Talon: a database made by main before offices existed
// (test/fixtures/README.md says what it holds) migrates into an organisation with one office,
// 'main', and loses nothing; a server started on it serves the old tickets, people and devices.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Appointment, Device, LiveTicket, OfficeSummary, QueueSnapshot, Ticket, User, VisitRecord } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { loadConfig } from '../../server/store/config-store';
import type { Database } from '../../server/store/database';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { createDevicesStore } from '../../server/store/devices-store';
import { migrate } from '../../server/store/migrate';
import { listOffices, loadOrganisation } from '../../server/store/offices-store';
import { lastSeq } from '../../server/store/queue-store';
import { createUsersStore } from '../../server/store/users-store';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { onlyOn } from '../support/test-database';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ZONE = 'Asia/Irkutsk';
/** A closed day in the fixture, and the day it was made (its queue still open). */
const PAST = '2026-11-30';
const MADE = '2026-12-02';

type Row = Record<string, unknown>;

interface Table {
  columns: string[];
  rows: Row[];
}

/** Tables that belong to the organisation, not to an office. */
const ORGANISATION_TABLES = new Set(['sessions', 'users']);
/**
 * Columns the migration replaces: the single-row settings tables' `id = 1` (now keyed by office) and
 * the user's one role (now office_roles and organisation_role, checked below).
 */
const REPLACED_COLUMNS: Record<string, string[]> = { appointment_settings: ['id'], visit_journal_settings: ['id'], users: ['role'] };

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A data dir holding a copy of the fixture and the demo credentials written with it. */
function fixtureDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talon-upgrade-'));
  copyFileSync(join(FIXTURES, 'main-2026-12-02.sqlite'), join(dir, 'talon.sqlite'));
  copyFileSync(join(FIXTURES, 'main-2026-12-02.demo-credentials.json'), join(dir, 'demo-credentials.json'));
  return dir;
}

async function readTables(db: Database): Promise<Map<string, Table>> {
  const names = await db.read.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
  const tables = new Map<string, Table>();
  for (const { name } of names) {
    const columns = (await db.read.all<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`)).map((c) => c.name);
    tables.set(name, { columns, rows: await db.read.all<Row>(`SELECT * FROM ${name}`) });
  }
  return tables;
}

/** Rows as comparable strings, in no particular order. */
const canonical = (rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort();

function data<T>(answer: { status: number; body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

// SQLite only: the fixture is a SQLite file from before offices, and the tables are read from sqlite_master.
onlyOn('sqlite')('a database from single-office Talon', () => {
  it('becomes office main of an organisation, keeping every row of every table', async () => {
    const db = await SqliteDatabase.open(join(fixtureDataDir(), 'talon.sqlite'));
    try {
      const before = await readTables(db);
      const counts = Object.fromEntries([...before].map(([name, table]) => [name, table.rows.length]));
      // What the fixture holds, so that "nothing lost" is not said of empty tables.
      expect(counts).toMatchObject({
        tickets: 12, journal: 37, counter_states: 2, appointments: 2, print_jobs: 12, visit_records: 1, visit_ratings: 1,
        analytics_days: 3, users: 9, devices: 3, services: 3, counters: 5, appointment_settings: 1, visit_journal_settings: 1, office: 1,
      });

      expect(await migrate(db)).toContain('0009_offices.sql');

      // The old office becomes the row of office main, checked below.
      for (const [name, { columns, rows }] of [...before].filter(([name]) => name !== 'office')) {
        const replaced = REPLACED_COLUMNS[name] ?? [];
        const kept = columns.filter((c) => !replaced.includes(c));
        const owner = ORGANISATION_TABLES.has(name) ? '' : ', office_id';
        const after = await db.read.all<Row>(`SELECT ${kept.join(', ')}${owner} FROM ${name}`);
        if (owner) expect(new Set(after.map((r) => r.office_id)), name).toEqual(new Set(rows.length > 0 ? ['main'] : []));
        const withoutReplaced = rows.map((row) => Object.fromEntries(kept.map((c) => [c, row[c]])));
        expect(canonical(after.map(({ office_id: _office, ...rest }) => rest)), name).toEqual(canonical(withoutReplaced));
      }

      const [office] = before.get('office')!.rows as { data: string }[];
      expect(await db.read.all('SELECT id, data, archived_at FROM offices')).toEqual([{ id: 'main', data: office!.data, archived_at: null }]);
      expect(await loadOrganisation(db.read)).toEqual({ name: JSON.parse(office!.data).name });

      const users = before.get('users')!.rows as { id: string; role: string }[];
      expect(canonical(await db.read.all('SELECT user_id, office_id, role FROM office_roles'))).toEqual(
        canonical(users.map((u) => ({ user_id: u.id, office_id: 'main', role: u.role }))),
      );
      expect(canonical(await db.read.all('SELECT id, organisation_role FROM users'))).toEqual(
        canonical(users.map((u) => ({ id: u.id, organisation_role: u.role === 'admin' ? 'regional-admin' : null }))),
      );
    } finally {
      await db.close();
    }
  });

  it('is read by the office stores as office main', async () => {
    const db = await SqliteDatabase.open(join(fixtureDataDir(), 'talon.sqlite'));
    try {
      await migrate(db);
      expect((await listOffices(db.read)).map((o) => [o.id, o.archived])).toEqual([['main', false]]);
      const config = (await loadConfig(db, 'main'))!;
      expect([...config.services.keys()]).toEqual(['certificates', 'documents', 'consultation']);
      expect(config.counters.size).toBe(5);
      expect(await loadConfig(db, 'elsewhere')).toBeNull();
      // The journal's seqs are kept, gap-free, and office main's engine continues them.
      expect((await db.read.all<{ seq: number }>("SELECT seq FROM journal WHERE office_id = 'main' ORDER BY seq")).map((r) => r.seq)).toEqual(
        Array.from({ length: 37 }, (_, i) => i + 1),
      );
      expect(await lastSeq(db.read, 'main')).toBe(37);

      const users = createUsersStore(db);
      const person = async (login: string) => (await users.findByLogin(login))!.user;
      expect(await person('operator1')).toMatchObject({ organisationRole: null, offices: [{ officeId: 'main', role: 'operator' }] });
      expect(await person('manager')).toMatchObject({ organisationRole: null, offices: [{ officeId: 'main', role: 'manager' }] });
      expect(await person('consultant')).toMatchObject({ organisationRole: null, offices: [{ officeId: 'main', role: 'consultant' }] });
      for (const admin of ['admin', 'admin2']) {
        expect(await person(admin)).toMatchObject({ organisationRole: 'regional-admin', offices: [{ officeId: 'main', role: 'admin' }] });
      }
      expect(await person('retired')).toMatchObject({ active: false, offices: [{ officeId: 'main', role: 'operator' }] });

      const devices = await createDevicesStore(db).list('main');
      expect(devices.map((d) => [d.kind, d.officeId])).toEqual([
        ['display', 'main'],
        ['kiosk', 'main'],
        ['print-agent', 'main'],
      ]);
    } finally {
      await db.close();
    }
  });

  it('starts a server whose office main serves the old tickets, people, devices and reports', async () => {
    const now = zonedToEpoch(MADE, '11:00', ZONE);
    server = await startTalon({ dataDir: fixtureDataDir(), clock: () => now });
    const kiosk = server.deviceKey('kiosk');
    const [operator, manager, consultant, admin] = await Promise.all(['operator1', 'manager', 'consultant', 'admin'].map((login) => server!.login(login)));

    const offices = data(await call<OfficeSummary[]>(server, '/api/offices'));
    expect(offices.map((o) => [o.id, o.name.en])).toEqual([['main', 'Social Protection Client Service (demo)']]);
    const me = data(await call<{ kind: 'device'; device: Device }>(server, '/api/auth/me', { deviceKey: kiosk }));
    expect(me.device).toMatchObject({ kind: 'kiosk', officeId: 'main' });
    expect(data(await call<Device[]>(server, officeApi('/devices'), { token: admin })).map((d) => d.kind).sort()).toEqual(['display', 'kiosk', 'print-agent']);
    const users = data(await call<User[]>(server, '/api/users', { token: admin }));
    expect(users).toHaveLength(9);

    // The day the fixture was made goes on where it stopped: one called, two waiting.
    const snapshot = data(await call<QueueSnapshot>(server, officeApi('/snapshot'), { token: operator }));
    expect(snapshot.serviceDay).toBe(MADE);
    expect(snapshot.tickets.map((t) => [t.code, t.status]).sort()).toEqual([
      ['Д102', 'called'],
      ['Д103', 'waiting'],
      ['С100', 'waiting'],
    ]);
    // Numbering and the journal's seq continue from the old database.
    const { ticket } = data(await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk }));
    expect(ticket).toMatchObject({ code: 'Д104', serviceDay: MADE });
    expect(await server.db.read.all("SELECT seq, kind FROM journal WHERE office_id = 'main' AND seq > 37")).toEqual([{ seq: 38, kind: 'ticket-issued' }]);

    // A ticket of a closed day is still found by its id.
    const [past] = await server.db.read.all<{ id: string }>(`SELECT id FROM tickets WHERE service_day = '${PAST}' AND code = 'Д100'`);
    const old = data(await call<LiveTicket>(server, officeApi(`/tickets/${past!.id}`)));
    expect(old.ticket).toMatchObject({ code: 'Д100', status: 'finished', outcome: 'served', serviceDay: PAST });

    const booked = data(await call<Appointment[]>(server, officeApi(`/appointments?day=${MADE}`), { token: consultant }));
    expect(booked.map((a) => [a.name, a.status])).toEqual([['Иван Сергеев', 'booked']]);
    const visits = data(await call<VisitRecord[]>(server, officeApi(`/visit-journal?day=${PAST}&counterId=booth-1`), { token: manager }));
    expect(visits).toEqual([expect.objectContaining({ ticketId: past!.id, reasonText: 'Справка о составе семьи', visitorName: 'Анна Петрова' })]);
    const ratings = data(await call<{ overall: { count: number; average: number } }>(server, officeApi(`/ratings/report?from=${PAST}&to=${PAST}`), { token: manager }));
    expect(ratings.overall).toMatchObject({ count: 1, average: 4 });
    const outcomes = data(
      await call<{ result: { overall: { issued: number; served: number; noShow: number; dayEnded: number } } }>(
        server,
        officeApi(`/analytics/outcomes?from=${PAST}&to=${PAST}`),
        { token: manager },
      ),
    );
    expect(outcomes.result.overall).toMatchObject({ issued: 7, served: 3, noShow: 1, dayEnded: 3 });
  });
});
