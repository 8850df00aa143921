// Inputs that once hurt the server: impossible dates, huge periods, unknown fields, empty documents,
// a phone filter without digits, the journal's silent cut-off and broken URL encoding. Each is
// refused with `invalid-input` naming the field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentSettings, JournalPage } from '../../common/protocol';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;
let admin: string;
let manager: string;
let operator: string;

beforeAll(async () => {
  server = await startTalon();
  admin = await server.login('admin');
  manager = await server.login('manager');
  operator = await server.login('operator1');
});

afterAll(() => server.close());

async function summaryRows(): Promise<number> {
  return (await server.db.read.get<{ n: number }>('SELECT count(*) AS n FROM analytics_days'))!.n;
}

async function configDocuments(): Promise<string> {
  const rows = await server.db.read.all<{ data: string }>(
    'SELECT data FROM offices WHERE id = ? UNION ALL SELECT data FROM services WHERE office_id = ? UNION ALL SELECT data FROM counters WHERE office_id = ?',
    [server.office, server.office, server.office],
  );
  return JSON.stringify(rows);
}

function expectInvalid(res: { status: number; body: { ok: boolean; error?: { code: string; message: string } } }, field: string): void {
  expect(res.status).toBe(400);
  expect(res.body.ok).toBe(false);
  expect(res.body.error?.code).toBe('invalid-input');
  expect(res.body.error?.message).toContain(field);
}

describe('dates', () => {
  it('refuses a report period of impossible dates and writes no summary', async () => {
    const before = await summaryRows();
    expectInvalid(await call(server, officeApi('/analytics/peak-hours?from=9999-99-99&to=9999-99-99'), { token: manager }), 'from');
    expect(await summaryRows()).toBe(before);
  });

  it('refuses a thirteenth month', async () => {
    expectInvalid(await call(server, officeApi('/analytics/peak-hours?from=2026-13-01'), { token: manager }), 'from');
  });

  it('refuses the 31st of February in the journal', async () => {
    expectInvalid(await call(server, officeApi('/journal?day=2026-02-31'), { token: operator }), 'day');
  });

  it('refuses years outside 2000–2100 in every report', async () => {
    expectInvalid(await call(server, officeApi('/ratings/report?from=1999-12-31'), { token: manager }), 'from');
    expectInvalid(await call(server, officeApi('/visit-journal/report?to=2101-01-01'), { token: manager }), 'to');
    expectInvalid(await call(server, officeApi('/appointments/slots?serviceId=documents&date=2026-04-31'), { token: admin }), 'date');
  });

  it('refuses a period that ends before it starts or spans more than two years', async () => {
    expectInvalid(await call(server, officeApi('/analytics/outcomes?from=2026-02-02&to=2026-02-01'), { token: manager }), 'from');
    expectInvalid(await call(server, officeApi('/analytics/outcomes?from=2020-01-01&to=2026-01-01'), { token: manager }), 'to');
  });

  it('refuses a holiday on a date that does not exist', async () => {
    const office = (await call<{ office: Record<string, unknown> & { schedule: Record<string, unknown> } }>(server, officeApi('/config'), { token: admin })).body;
    if (!office.ok) throw new Error('config unreadable');
    const { schedule } = office.data.office;
    const before = await configDocuments();
    const res = await call(server, officeApi('/config/office'), {
      method: 'PUT',
      body: { ...office.data.office, schedule: { ...schedule, holidays: [{ date: '2026-02-30', name: 'x' }] } },
      token: admin,
    });
    expectInvalid(res, 'schedule.holidays.0.date');
    expect(await configDocuments()).toBe(before);
  });

  it('writes no summaries for past days without visits nor for days to come', async () => {
    const before = await summaryRows();
    const past = await call(server, officeApi('/analytics/peak-hours?from=2001-01-01&to=2002-12-31'), { token: manager });
    expect(past.status).toBe(200);
    const future = await call(server, officeApi('/analytics/peak-hours?from=2099-01-01&to=2100-12-31'), { token: manager });
    expect(future.status).toBe(200);
    expect(await summaryRows()).toBe(before);
  });
});

describe('write payloads', () => {
  it('refuses an unknown field in the office, a service and a counter, naming it', async () => {
    const config = (await call<{ office: object; services: { id: string }[]; counters: { id: string }[] }>(server, officeApi('/config'), { token: admin })).body;
    if (!config.ok) throw new Error('config unreadable');
    const before = await configDocuments();
    const service = config.data.services[0]!;
    const counter = config.data.counters[0]!;
    expectInvalid(await call(server, officeApi('/config/office'), { method: 'PUT', body: { ...config.data.office, colour: 'red' }, token: admin }), 'colour');
    expectInvalid(await call(server, officeApi(`/config/services/${service.id}`), { method: 'PUT', body: { ...service, colour: 'red' }, token: admin }), 'colour');
    expectInvalid(await call(server, officeApi(`/config/counters/${counter.id}`), { method: 'PUT', body: { ...counter, colour: 'red' }, token: admin }), 'colour');
    expectInvalid(
      await call(server, officeApi(`/config/services/${service.id}`), { method: 'PUT', body: { ...service, name: { en: 'x', de: 'y' } }, token: admin }),
      'de',
    );
    expect(await configDocuments()).toBe(before);
  });

  it('refuses an empty appointment settings document instead of resetting every setting', async () => {
    const current = (await call<AppointmentSettings>(server, officeApi('/appointments/settings'), { token: admin })).body;
    if (!current.ok) throw new Error('settings unreadable');
    const changed = { ...current.data, horizonDays: 30, lateArrival: 'refuse' as const };
    expect((await call(server, officeApi('/appointments/settings'), { method: 'PUT', body: changed, token: admin })).status).toBe(200);
    expectInvalid(await call(server, officeApi('/appointments/settings'), { method: 'PUT', body: {}, token: admin }), 'horizonDays');
    const after = (await call<AppointmentSettings>(server, officeApi('/appointments/settings'), { token: admin })).body;
    expect(after.ok && after.data).toEqual(changed);
  });

  it('refuses a phone filter without digits', async () => {
    expectInvalid(await call(server, officeApi('/appointments?phone=---'), { token: admin }), 'phone');
  });
});

describe('text', () => {
  it('refuses the NUL character, which PostgreSQL cannot store, naming the field and writing nothing', async () => {
    const people = (await server.db.read.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
    expectInvalid(await call(server, '/api/users', { method: 'POST', body: { login: 'nul', name: 'Anna\u0000', password: 'password-1' }, token: admin }), 'name');
    expect((await server.db.read.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n).toBe(people);
    const booking = { serviceId: 'documents', slotStart: Date.now() + 86_400_000, name: 'An\u0000na', phone: '+380 44 000 00 00' };
    expectInvalid(await call(server, officeApi('/appointments'), { method: 'POST', body: booking, token: admin }), 'name');
  });
});

describe('addresses', () => {
  it('answers broken URL encoding as a bad address, not as bad JSON', async () => {
    const res = await call(server, officeApi('/tickets/%E0%A4%A'));
    expectInvalid(res, 'URL');
    expect(res.body.ok === false && res.body.error.message).not.toMatch(/JSON/);
  });

  it('refuses the NUL character in an id, which PostgreSQL could not look up', async () => {
    expect((await call(server, officeApi('/tickets/abcdefgh%00'))).status).toBe(400);
    expect((await call(server, officeApi('/appointments/a%00b'), { token: admin })).status).toBe(400);
  });
});

describe('the journal', () => {
  it('comes in pages that together hold every entry of the day once', async () => {
    const kiosk = server.deviceKey('kiosk');
    for (let i = 0; i < 7; i += 1) await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });
    const all = (await call<JournalPage>(server, officeApi('/journal?limit=2000'), { token: operator })).body;
    if (!all.ok) throw new Error(all.error.message);
    expect(all.data.next).toBeNull();
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const cursor: string = before === null ? '' : `&before=${before}`;
      const page = (await call<JournalPage>(server, officeApi(`/journal?limit=3${cursor}`), { token: operator })).body;
      if (!page.ok) throw new Error(page.error.message);
      expect(page.data.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.entries.map((e) => e.seq));
      before = page.data.next;
    } while (before !== null);
    expect(seen).toEqual(all.data.entries.map((e) => e.seq));
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });

  it("shows one booth's entries only when asked for that booth", async () => {
    await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    const page = (await call<JournalPage>(server, officeApi('/journal?counterId=booth-1'), { token: operator })).body;
    if (!page.ok) throw new Error(page.error.message);
    expect(page.data.entries.map((e) => [e.kind, e.counterId])).toContainEqual(['counter-opened', 'booth-1']);
    expect(page.data.entries.filter((e) => e.counterId !== 'booth-1')).toEqual([]);
  });

  it('refuses a page size beyond 2,000', async () => {
    expectInvalid(await call(server, officeApi('/journal?limit=5000'), { token: operator }), 'limit');
  });
});
