// The regional view's digests are stored with the day summaries: a day the office's analytics
// summarises (as its background work does every hour) has its digest at once, and the regional
// table, heat map and staffing advisor after a restart answer from the digests alone, never reading
// a full summary.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RegionHeatMap, RegionReport, RegionStaffing } from '../../common/protocol/region';
import { zonedToEpoch } from '../../common/time/calendar';
import { targetsFingerprint } from '../../server/analytics/day-digest';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const MINUTE = 60_000;
const IRKUTSK = 'Asia/Irkutsk';
/** Tuesday 24 November 2026 in office main (Irkutsk time). */
const DAY = '2026-11-24';
let now = zonedToEpoch(DAY, '10:00', IRKUTSK);
let server: RunningTalon;

function data<T>(res: { status: number; body: { ok: true; data: T } | { ok: false; error: { message: string } } }): T {
  if (!res.body.ok) throw new Error(`${res.status}: ${res.body.error.message}`);
  return res.body.data;
}

beforeAll(async () => {
  server = await startTalon({ clock: () => now });
  // Two visitors at booth-1: one served after a 3-minute wait, one called after 8 minutes who never came.
  const operator = await server.login('operator1');
  data(await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator }));
  for (let i = 0; i < 2; i++) data(await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: operator }));
  now += 3 * MINUTE;
  for (const outcome of ['finish', 'no-show']) {
    data(await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator }));
    if (outcome === 'finish') data(await call(server, officeApi('/counters/booth-1/start'), { body: {}, token: operator }));
    now += 5 * MINUTE;
    data(await call(server, officeApi(`/counters/booth-1/${outcome}`), { body: {}, token: operator }));
  }
  now = zonedToEpoch('2026-11-25', '10:00', IRKUTSK);
});

afterAll(async () => {
  await server.close();
});

it('a summarised day has its digest at once, and after a restart the table, heat map and staffing advisor read only digests', async () => {
  const office = server.talon.office('main')!;
  await office.analytics.summarise(DAY, DAY, IRKUTSK);
  const rows = await server.db.read.all<{ date: string; targets: string }>(`SELECT date, targets FROM region_days WHERE office_id = 'main'`);
  expect(rows).toEqual([{ date: DAY, targets: targetsFingerprint(office.engine.currentConfig.services) }]);

  const admin = await server.login('admin');
  const ask = async <T>(path: string, token: string) => data(await call<T>(server, `/api/region/${path}?from=${DAY}&to=${DAY}&offices=main`, { token }));
  const report = await ask<RegionReport>('report', admin);
  expect(report.offices[0]!.current).toMatchObject({ visitors: 2, meanWaitMinutes: 5.5 });
  const heatmap = await ask<RegionHeatMap>('heatmap', admin);
  const staffing = await ask<RegionStaffing>('staffing', admin);
  expect(staffing.offices[0]!.peak).toMatchObject({ weekday: 2, hour: 10, arrivalsPerHour: 2 });

  server = await server.restart();
  // Bytes no summary decoder reads: any report that read a full summary would fail now.
  await server.db.transaction((tx) => tx.run(`UPDATE analytics_days SET visits = ?, counters = ? WHERE office_id = 'main'`, [Buffer.from([0]), Buffer.from([0])]));
  const token = await server.login('admin');
  expect(await ask<RegionReport>('report', token)).toEqual(report);
  expect(await ask<RegionHeatMap>('heatmap', token)).toEqual(heatmap);
  expect(await ask<RegionStaffing>('staffing', token)).toEqual(staffing);
});
