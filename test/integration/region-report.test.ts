// The regional view against the real server: two offices in two time zones, visitors served
// through the real API on one day, the report read the next day from the stored day summaries
// (and today's from the live records), beside each office's own analytics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../common/protocol/analytics';
import type { RegionHeatMap, RegionReport, RegionStaffing } from '../../common/protocol/region';
import { zonedToEpoch } from '../../common/time/calendar';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const MINUTE = 60_000;
/** Tuesday 24 November 2026; office main keeps Irkutsk time (UTC+8), office north Moscow time (UTC+3). */
const DAY = '2026-11-24';
let now = zonedToEpoch(DAY, '10:00', 'Asia/Irkutsk');
let server: RunningTalon;
let admin: string;
let analyst: string;
const password = 'analyst-password-for-tests';

function data<T>(res: { status: number; body: { ok: true; data: T } | { ok: false; error: { message: string } } }): T {
  if (!res.body.ok) throw new Error(`${res.status}: ${res.body.error.message}`);
  return res.body.data;
}

/** Calls the next visitor at booth-1 of `office` and ends the visit `minutes` later: served, or a no-show. */
async function serveNext(office: string, token: string, outcome: 'finish' | 'no-show', minutes = 5): Promise<string> {
  const called = data(await call<{ ticket: { id: string } }>(server, officeApi('/counters/booth-1/call-next', office), { body: {}, token }));
  if (outcome === 'finish') data(await call(server, officeApi('/counters/booth-1/start', office), { body: {}, token }));
  now += minutes * MINUTE;
  data(await call(server, officeApi(`/counters/booth-1/${outcome}`, office), { body: {}, token }));
  return called.ticket.id;
}

async function issue(office: string, token: string): Promise<void> {
  data(await call(server, officeApi('/tickets', office), { body: { serviceId: 'documents' }, token }));
}

const region = <T>(path: string, token = analyst) => call<T>(server, `/api/region/${path}`, { token });

beforeAll(async () => {
  server = await startTalon({ clock: () => now });
  admin = await server.login('admin');
  data(await call(server, '/api/users', { body: { login: 'analyst', name: 'Regional analyst', password, organisationRole: 'regional-analyst' }, token: admin }));
  analyst = await server.login('analyst', password);
  data(await call(server, '/api/offices', { body: { id: 'north', copyFrom: 'main' }, token: admin }));
  data(await call(server, '/api/offices/north', { method: 'PATCH', body: { name: { ru: 'Север', en: 'North' }, timeZone: 'Europe/Moscow' }, token: admin }));

  // Main: three visitors, two served, one who never came to the booth.
  const operator = await server.login('operator1');
  data(await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator }));
  for (let i = 0; i < 3; i++) await issue('main', operator);
  now += 2 * MINUTE;
  const rated = await serveNext('main', operator, 'finish');
  await serveNext('main', operator, 'finish');
  await serveNext('main', operator, 'no-show');
  data(await call(server, officeApi(`/public/tickets/${rated}/rating`), { body: { score: 4 } }));

  // North (05:14 in Moscow, the same date): one visitor, served at once.
  data(await call(server, officeApi('/counters/booth-1/open', 'north'), { body: {}, token: admin }));
  await issue('north', admin);
  await serveNext('north', admin, 'finish', 10);

  // The next day: the 24th is finished in both offices and read from its stored summary.
  now = zonedToEpoch('2026-11-25', '10:00', 'Asia/Irkutsk');
  // Sessions end after a night away.
  admin = await server.login('admin');
  analyst = await server.login('analyst', password);
});

afterAll(async () => {
  await server.close();
});

describe('the regional report', () => {
  it('sets the offices side by side with the change against the same weekday of the week before', async () => {
    const report = data(await region<RegionReport>(`report?from=${DAY}&to=${DAY}`));
    expect(report.period).toEqual({ from: DAY, to: DAY });
    expect(report.previousPeriod).toEqual({ from: '2026-11-17', to: '2026-11-17' });
    const [main, north] = ['main', 'north'].map((id) => report.offices.find((o) => o.officeId === id)!);
    expect(main!.current).toMatchObject({ visitors: 3, noShowRate: 1 / 3, satisfaction: 4, ratings: 1, bookedShare: 0 });
    // Called after 2, 7 and 12 minutes (the no-show too: they were called).
    expect(main!.current.meanWaitMinutes).toBeCloseTo(7, 5);
    expect(main!.change.visitors).toBe(3);
    expect(main!.previous.meanWaitMinutes).toBeNull();
    expect(main!.change.meanWaitMinutes).toBeNull();
    expect(north).toMatchObject({ name: { ru: 'Север', en: 'North' }, timeZone: 'Europe/Moscow' });
    expect(north!.current).toMatchObject({ visitors: 1, meanWaitMinutes: 0, noShowRate: 0, satisfaction: null, ratings: 0 });
    expect(report.region.current).toMatchObject({ visitors: 4, noShowRate: 1 / 4, satisfaction: 4, ratings: 1 });
    // Every visitor of the region counts once: (2 + 7 + 12 + 0) / 4, not the mean of the offices' means.
    expect(report.region.current.meanWaitMinutes).toBeCloseTo(21 / 4, 5);
  });

  it('gives each office the figures of its own comparison report', async () => {
    const report = data(await region<RegionReport>(`report?from=${DAY}&to=${DAY}`));
    for (const office of ['main', 'north']) {
      const own = data(await call<{ result: Comparison }>(server, officeApi(`/analytics/comparison?from=${DAY}&to=${DAY}`, office), { token: admin })).result.current;
      const row = report.offices.find((o) => o.officeId === office)!.current;
      expect([office, row.visitors, row.meanWaitMinutes, row.serviceLevel, row.noShowRate, row.utilisation]).toEqual([
        office,
        own.arrivals,
        own.meanWaitMinutes,
        own.serviceLevel,
        own.noShowRate,
        own.utilisation,
      ]);
      // The regional P90 stands on 30-second bins.
      expect(Math.abs(row.p90WaitMinutes! - own.p90WaitMinutes!)).toBeLessThanOrEqual(0.5);
    }
  });

  it('sorts by any column, offices without a value last', async () => {
    const order = async (query: string) => data(await region<RegionReport>(`report?from=${DAY}&to=${DAY}&${query}`)).offices.map((o) => o.officeId);
    expect(await order('sort=visitors&direction=asc')).toEqual(['north', 'main']);
    expect(await order('sort=visitors&direction=desc')).toEqual(['main', 'north']);
    expect(await order('sort=satisfaction&direction=asc')).toEqual(['main', 'north']);
    expect(await order('sort=visitors:change&direction=desc')).toEqual(['main', 'north']);
    expect(await order('sort=name&direction=desc&lang=en')).toEqual((await order('sort=name&direction=asc&lang=en')).reverse());
  });

  it('downloads the table as CSV in the order asked for, the whole region last', async () => {
    const response = await fetch(`${server.url}/api/region/report?from=${DAY}&to=${DAY}&sort=visitors&direction=asc&lang=en&format=csv`, { headers: { Authorization: `Bearer ${analyst}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`talon-region-report-${DAY}-${DAY}.csv`);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]!.startsWith('office_id,office,time_zone,visitors,visitors_previous,visitors_change,mean_wait_minutes,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['north,North,Europe/Moscow,1', expect.stringMatching(/^main,.+,Asia\/Irkutsk,3$/), ',all,,4']);
  });

  it('counts today from the live records of each office', async () => {
    await issue('north', admin);
    const report = data(await region<RegionReport>('report?from=2026-11-25&to=2026-11-25'));
    expect(report.offices.find((o) => o.officeId === 'north')!.current.visitors).toBe(1);
    expect(report.offices.find((o) => o.officeId === 'main')!.current.visitors).toBe(0);
  });
});

describe('the regional heat map and staffing', () => {
  it('adds up the weekday × hour arrivals of the chosen offices, each at its own local hour', async () => {
    const all = data(await region<RegionHeatMap>(`heatmap?from=${DAY}&to=${DAY}`));
    expect(all.officeIds.sort()).toEqual(['main', 'north']);
    expect(all.offices.map((o) => o.officeId).sort()).toEqual(['main', 'north']);
    const cell = (map: RegionHeatMap, hour: number) => map.heatmap.find((c) => c.weekday === 2 && c.hour === hour)!;
    expect(cell(all, 10).arrivals).toBe(3);
    expect(cell(all, 5).arrivals).toBe(1);
    const north = data(await region<RegionHeatMap>(`heatmap?from=${DAY}&to=${DAY}&offices=north`));
    expect(north.officeIds).toEqual(['north']);
    expect(north.heatmap.reduce((sum, c) => sum + c.arrivals, 0)).toBe(1);
    expect(cell(north, 5)).toMatchObject({ arrivals: 1, meanArrivals: 1 });
  });

  it('gives one office the heat map of its own peak-hours report', async () => {
    const period = 'from=2026-10-01&to=2026-11-25';
    const own = data(await call<{ result: { heatmap: unknown[] } }>(server, officeApi(`/analytics/peak-hours?${period}`), { token: admin })).result.heatmap;
    expect(data(await region<RegionHeatMap>(`heatmap?${period}&offices=main`)).heatmap).toEqual(own);
  });

  it('gives the staffing advisor per office with its busiest hour', async () => {
    const staffing = data(await region<RegionStaffing>(`staffing?from=${DAY}&to=${DAY}`));
    const main = staffing.offices.find((o) => o.officeId === 'main')!;
    expect(main.peak).toMatchObject({ weekday: 2, hour: 10, arrivalsPerHour: 3 });
    expect(main.staffing.cells.length).toBeGreaterThan(0);
    expect(staffing.offices.find((o) => o.officeId === 'north')!.peak).toMatchObject({ weekday: 2, hour: 5 });
    const csv = await fetch(`${server.url}/api/region/staffing?from=${DAY}&to=${DAY}&format=csv`, { headers: { Authorization: `Bearer ${analyst}` } });
    const [header, first] = (await csv.text()).split('\r\n');
    expect(header!.startsWith('office_id,weekday,hour,')).toBe(true);
    expect(header!.endsWith(',based_on_from,based_on_to')).toBe(true);
    expect(first!.endsWith(`,${DAY},${DAY}`)).toBe(true);
  });

  it('stands the staffing advice on the last four weeks of a long period', async () => {
    const staffing = data(await region<RegionStaffing>('staffing?from=2025-11-01&to=2026-11-25'));
    expect(staffing.period).toEqual({ from: '2025-11-01', to: '2026-11-25' });
    expect(staffing.basedOn).toEqual({ from: '2026-10-29', to: '2026-11-25' });
    expect(staffing.offices.find((o) => o.officeId === 'main')!.peak).toMatchObject({ weekday: 2, hour: 10 });
    const short = data(await region<RegionStaffing>(`staffing?from=${DAY}&to=${DAY}`));
    expect(short.basedOn).toEqual({ from: DAY, to: DAY });
  });
});

describe('access to the regional view', () => {
  it('is for regional admins and analysts: 403 for office staff, 401 without a session', async () => {
    expect((await region('report', admin)).status).toBe(200);
    for (const login of ['manager', 'operator1']) expect([login, (await region('report', await server.login(login))).status]).toEqual([login, 403]);
    expect((await call(server, '/api/region/report')).status).toBe(401);
  });

  it('refuses an unknown office, a reversed period and malformed questions', async () => {
    expect(await region(`heatmap?offices=nowhere`)).toMatchObject({ status: 404, body: { error: { code: 'office-not-found' } } });
    expect((await region('report?from=2026-11-25&to=2026-11-24')).status).toBe(400);
    expect((await region('report?sort=nonsense')).status).toBe(400);
    for (const query of ['from=2026-02-30', 'offices=Main', 'lang=de', 'slGoal=2', 'compareWith=day', 'format=xml', 'from=2026-01-01&from=2026-01-02']) {
      expect([query, (await region(`staffing?${query}`)).status]).toEqual([query, 400]);
    }
  });
});

describe('the stored digests', () => {
  it('keep a finished month as one digest, and answer the same after a restart', async () => {
    const question = 'report?from=2026-10-01&to=2026-11-24';
    const before = data(await region<RegionReport>(question));
    expect(before.offices.find((o) => o.officeId === 'main')!.current.visitors).toBe(3);
    const months = await server.db.read.all<{ officeId: string }>(`SELECT office_id AS "officeId" FROM region_days WHERE date = '2026-10' ORDER BY office_id`);
    expect(months.map((m) => m.officeId)).toEqual(['main', 'north']);
    server = await server.restart();
    expect(data(await region<RegionReport>(question))).toEqual(before);
  });

  it('give the heat map of a finished month from its one digest, and of days: each office its own', async () => {
    // A week later November is finished; the sessions have expired by then.
    now = zonedToEpoch('2026-12-02', '10:00', 'Asia/Irkutsk');
    admin = await server.login('admin');
    analyst = await server.login('analyst', password);
    const period = 'from=2026-10-26&to=2026-11-30';
    const heat = data(await region<RegionHeatMap>(`heatmap?${period}`));
    const months = await server.db.read.all<{ officeId: string }>(`SELECT office_id AS "officeId" FROM region_days WHERE date = '2026-11' ORDER BY office_id`);
    // North's ticket of the 25th is still waiting, so its November stays days (digested live on the 25th).
    expect(months.map((m) => m.officeId)).toEqual(['main']);
    for (const office of ['main', 'north']) {
      const own = data(await call<{ result: { heatmap: unknown[] } }>(server, officeApi(`/analytics/peak-hours?${period}`, office), { token: admin })).result.heatmap;
      expect([office, data(await region<RegionHeatMap>(`heatmap?${period}&offices=${office}`)).heatmap]).toEqual([office, own]);
    }
    const tuesday = (hour: number) => heat.heatmap.find((c) => c.weekday === 2 && c.hour === hour)!;
    expect([tuesday(10).arrivals, tuesday(5).arrivals]).toEqual([3, 1]);
    server = await server.restart();
    expect(data(await region<RegionHeatMap>(`heatmap?${period}`))).toEqual(heat);
  });
});
