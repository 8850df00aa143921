import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;
let managerToken: string;

beforeAll(async () => {
  server = await startTalon();
  const operator = await server.login('operator1');
  // One visitor served at booth 1 and one still waiting, through the real API.
  await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
  await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: operator });
  await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: operator });
  const called = await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator });
  expect(called.body.ok).toBe(true);
  await call(server, officeApi('/counters/booth-1/start'), { body: {}, token: operator });
  const finished = await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token: operator });
  expect(finished.body.ok).toBe(true);
  managerToken = await server.login('manager');
});

afterAll(async () => {
  await server.close();
});

describe('analytics routes', () => {
  it('give a manager the outcomes of the current period', async () => {
    const res = await call<{ report: string; result: { overall: { issued: number; served: number } } }>(server, officeApi('/analytics/outcomes'), { token: managerToken });
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error.message);
    expect(res.body.data.report).toBe('outcomes');
    expect(res.body.data.result.overall).toMatchObject({ issued: 2, served: 1 });
  });

  it('answer every report in the catalogue for an admin, narrowed to one service', async () => {
    const admin = await server.login('admin');
    for (const report of ['peak-hours', 'wait-times', 'service-level', 'longest-waits', 'specialist-load', 'appointments', 'estimate-accuracy', 'comparison', 'staffing']) {
      const res = await call(server, officeApi(`/analytics/${report}?serviceId=documents`), { token: admin });
      expect([report, res.status]).toEqual([report, 200]);
    }
  });

  it('compare a period with the same weekdays of last week, or the same dates of last month', async () => {
    type Answer = { result: { compareWith: string; previous: { from: string; to: string } } };
    const week = await call<Answer>(server, officeApi('/analytics/comparison?from=2026-11-30&to=2026-12-02'), { token: managerToken });
    if (!week.body.ok) throw new Error(week.body.error.message);
    expect(week.body.data.result).toMatchObject({ compareWith: 'week', previous: { from: '2026-11-23', to: '2026-11-25' } });
    const month = await call<Answer>(server, officeApi('/analytics/comparison?from=2024-03-01&to=2024-03-31&compareWith=month'), { token: managerToken });
    if (!month.body.ok) throw new Error(month.body.error.message);
    expect(month.body.data.result).toMatchObject({ compareWith: 'month', previous: { from: '2024-02-01', to: '2024-02-29' } });
  });

  it('name the specialist who served in the load report', async () => {
    const res = await call<{ result: { name: string | null; served: number }[] }>(server, officeApi('/analytics/specialist-load'), { token: managerToken });
    if (!res.body.ok) throw new Error(res.body.error.message);
    expect(res.body.data.result).toEqual([expect.objectContaining({ name: 'Иванова А. П.', served: 1 })]);
  });

  it('download a report as CSV', async () => {
    const response = await fetch(`${server.url}${officeApi('/analytics/outcomes?format=csv')}`, { headers: { Authorization: `Bearer ${managerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('service,issued,served,noShow,cancelled,dayEnded,transferred,recalled,servedRatio,noShowRate,cancelRate,walkOutRate,transferRate');
    expect(lines[1]!.startsWith('all,2,1,')).toBe(true);
  });

  it('show the live monitor with the waiting visitor', async () => {
    const res = await call<{ services: { serviceId: string; waiting: number }[] }>(server, officeApi('/analytics/live'), { token: managerToken });
    if (!res.body.ok) throw new Error(res.body.error.message);
    expect(res.body.data.services.find((s) => s.serviceId === 'documents')!.waiting).toBe(1);
  });

  it('refuse an operator with 403 and a visitor without a session with 401', async () => {
    const operator = await server.login('operator2');
    expect((await call(server, officeApi('/analytics/outcomes'), { token: operator })).status).toBe(403);
    expect((await call(server, officeApi('/analytics/live'), { token: operator })).status).toBe(403);
    expect((await call(server, officeApi('/analytics/outcomes'))).status).toBe(401);
  });

  it('reject an unknown report and a reversed period', async () => {
    expect((await call(server, officeApi('/analytics/nonsense'), { token: managerToken })).status).toBe(404);
    const reversed = await call(server, officeApi('/analytics/outcomes?from=2024-03-10&to=2024-03-01'), { token: managerToken });
    expect(reversed.status).toBe(400);
  });
});
