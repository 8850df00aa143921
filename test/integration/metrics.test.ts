// GET /metrics on a real server: tickets issued, called and finished through the API show up in
// the counters, the waiting gauge and the wait histogram; screens by kind, print failures, commit
// and fan-out timings, the announcement cache; who may read it in each TALON_METRICS mode; and the
// sample Grafana dashboard asks only for metrics the server exposes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { register as globalRegistry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/protocol';
import { createApp, type TalonApp } from '../../server/app';
import { metricsAccess, type MetricsAccess } from '../../server/http/metrics-routes';
import type { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { seedSingleOffice } from '../../server/store/seed';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { freshDatabase } from '../support/test-database';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus's text format, sample lines only: `name{label="value",…} number`. */
function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The one sample with this name and these labels (others may have more labels). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0]!.value;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A Talon with one office and no accounts, for the access modes that need none. */
async function startBare(access: MetricsAccess, host = '127.0.0.1'): Promise<{ talon: TalonApp; db: Database; port: number }> {
  const { db, dataDir } = await freshDatabase('talon-metrics-');
  await migrate(db);
  await seedSingleOffice(db, Date.now(), { allDay: true });
  const talon = await createApp({ db, webApps: 'none', dataDir, metrics: access });
  return { talon, db, port: await talon.listen(0, host) };
}

/** This machine's first non-loopback IPv4 address: a connection to it does not come over loopback. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

let cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function started(options: Parameters<typeof startTalon>[0] = {}): Promise<RunningTalon> {
  const server = await startTalon(options);
  cleanups.push(() => server.close());
  return server;
}

async function socket(server: RunningTalon, auth: { token?: string; deviceKey?: string }): Promise<TestClient> {
  const client = await connectClient(server.url, auth);
  cleanups.push(() => client.close());
  return client;
}

async function issue(server: RunningTalon, serviceId: string): Promise<Ticket> {
  const response = await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId }, deviceKey: server.deviceKey('kiosk') });
  if (!response.body.ok) throw new Error(JSON.stringify(response.body.error));
  return response.body.data.ticket;
}

async function atBooth(server: RunningTalon, token: string, command: 'open' | 'call-next' | 'start' | 'finish'): Promise<void> {
  const response = await call(server, officeApi(`/counters/booth-1/${command}`), { body: {}, token });
  if (!response.body.ok) throw new Error(`${command}: ${JSON.stringify(response.body.error)}`);
}

describe('what /metrics counts', () => {
  it('counts tickets issued, called and finished per office and service, what waits now, the waits and the print failures', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-metrics-'));
    mkdirSync(join(dataDir, 'announcements'));
    writeFileSync(join(dataDir, 'announcements', 'cached.wav'), Buffer.alloc(4096));
    let later = 0;
    const server = await started({ dataDir, clock: () => Date.now() + later });
    const operator = await server.login('operator1');
    const admin = await server.login('admin');
    // What a previous run left in the cache counts from the start; the calls below add their announcements.
    const cachedAtStart = valueOf(samplesOf((await scrape(server.url, bearer(admin))).text), 'talon_announcement_cache_bytes');
    expect(cachedAtStart).toBe(4096);
    await socket(server, { token: operator });
    await socket(server, { deviceKey: server.deviceKey('display') });
    await socket(server, { deviceKey: server.deviceKey('display') });

    const tickets = [await issue(server, 'documents'), await issue(server, 'documents'), await issue(server, 'documents')];
    later = 90_000;
    await atBooth(server, operator, 'open');
    await atBooth(server, operator, 'call-next');
    await atBooth(server, operator, 'start');
    await atBooth(server, operator, 'finish');
    await atBooth(server, operator, 'call-next');
    const failed = await call(server, officeApi(`/tickets/${tickets[2]!.id}/print-result`), { body: { ok: false, error: 'paper out' }, deviceKey: server.deviceKey('kiosk') });
    expect(failed.body.ok).toBe(true);

    const scraped = await scrape(server.url, bearer(admin));
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain('text/plain');
    const samples = samplesOf(scraped.text);
    const documents = { office: MAIN_OFFICE, service: 'documents' };
    expect(valueOf(samples, 'talon_tickets_issued_total', documents)).toBe(3);
    expect(valueOf(samples, 'talon_tickets_called_total', documents)).toBe(2);
    expect(valueOf(samples, 'talon_tickets_finished_total', documents)).toBe(1);
    expect(valueOf(samples, 'talon_tickets_waiting', documents)).toBe(1);
    expect(valueOf(samples, 'talon_tickets_waiting', { office: MAIN_OFFICE, service: 'certificates' })).toBe(0);
    expect(valueOf(samples, 'talon_tickets_issued_total', { office: MAIN_OFFICE, service: 'certificates' })).toBe(0);

    // Both calls came after 90 s of waiting: in the 120 s bucket, not the 60 s one.
    expect(valueOf(samples, 'talon_wait_seconds_bucket', { ...documents, le: '60' })).toBe(0);
    expect(valueOf(samples, 'talon_wait_seconds_bucket', { ...documents, le: '120' })).toBe(2);
    expect(valueOf(samples, 'talon_wait_seconds_count', documents)).toBe(2);
    expect(valueOf(samples, 'talon_wait_seconds_sum', documents)).toBeGreaterThanOrEqual(180);
    expect(valueOf(samples, 'talon_wait_seconds_sum', documents)).toBeLessThan(240);

    expect(valueOf(samples, 'talon_print_failures_total', { office: MAIN_OFFICE })).toBe(1);
    expect(valueOf(samples, 'talon_screens_connected', { office: MAIN_OFFICE, kind: 'display' })).toBe(2);
    expect(valueOf(samples, 'talon_screens_connected', { office: MAIN_OFFICE, kind: 'staff' })).toBe(1);
    expect(valueOf(samples, 'talon_screens_connected', { office: MAIN_OFFICE, kind: 'kiosk' })).toBe(0);
    expect(valueOf(samples, 'talon_announcement_cache_bytes')).toBeGreaterThanOrEqual(cachedAtStart);

    // Every command above was committed, and each batch went out through the hub.
    expect(valueOf(samples, 'talon_commit_seconds_count')).toBeGreaterThanOrEqual(7);
    expect(valueOf(samples, 'talon_event_fan_out_seconds_count', { office: MAIN_OFFICE })).toBeGreaterThanOrEqual(7);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);

    // Office and service ids label the series; no ticket's id ever does.
    for (const ticket of tickets) expect(scraped.text).not.toContain(ticket.id);
  });

  it('keeps each app to its own registry: two servers in one process count their own tickets, the global registry stays empty', async () => {
    const first = await started();
    const second = await started();
    await issue(second, 'documents');
    const counted = async (server: RunningTalon) =>
      valueOf(samplesOf((await scrape(server.url, bearer(await server.login('admin')))).text), 'talon_tickets_issued_total', { office: MAIN_OFFICE, service: 'documents' });
    expect(await counted(first)).toBe(0);
    expect(await counted(second)).toBe(1);
    expect(await globalRegistry.getMetricsAsJSON()).toEqual([]);
  });
});

describe('who may read /metrics', () => {
  it('by default serves a regional admin, by Bearer token or session cookie, and refuses the public, an operator and a device', async () => {
    const server = await started();
    const admin = await server.login('admin');
    expect((await scrape(server.url)).status).toBe(401);
    expect((await scrape(server.url, bearer(await server.login('operator1')))).status).toBe(403);
    expect((await scrape(server.url, { Authorization: `Device ${server.deviceKey('display')}` })).status).toBe(403);
    expect((await scrape(server.url, bearer(admin))).status).toBe(200);
    expect((await scrape(server.url, { Cookie: `talon_session=${admin}` })).status).toBe(200);
  });

  it('localhost serves a loopback connection without credentials and refuses what a proxy passed on', async () => {
    const { talon, db, port } = await startBare('localhost', '0.0.0.0');
    cleanups.push(async () => {
      await talon.close();
      await db.close();
    });
    const local = `http://127.0.0.1:${port}`;
    expect((await scrape(local)).status).toBe(200);
    expect((await scrape(local, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(403);
    expect((await scrape(local, { 'X-Forwarded-For': '127.0.0.1' })).status).toBe(403);
    expect((await scrape(local, { Forwarded: 'for=203.0.113.7' })).status).toBe(403);
    if (lanAddress) expect((await scrape(`http://${lanAddress}:${port}`)).status).toBe(403);
  });

  it('off answers 404 to everyone', async () => {
    const { talon, db, port } = await startBare('off');
    cleanups.push(async () => {
      await talon.close();
      await db.close();
    });
    expect((await scrape(`http://127.0.0.1:${port}`)).status).toBe(404);
  });

  it('TALON_METRICS is admin unless set, and an unknown value stops the server', () => {
    expect(metricsAccess(undefined)).toBe('admin');
    expect(metricsAccess('')).toBe('admin');
    expect(metricsAccess('localhost')).toBe('localhost');
    expect(metricsAccess('off')).toBe('off');
    expect(() => metricsAccess('public')).toThrow(/TALON_METRICS must be one of admin, localhost, off/);
  });
});

describe('the sample Grafana dashboard', () => {
  interface Panel {
    title: string;
    datasource: { type: string; uid: string };
    targets: { expr: string }[];
  }
  const dashboard = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'grafana-dashboard.json'), 'utf8')) as {
    templating: { list: { name: string; type: string; query: unknown }[] };
    panels: Panel[];
  };
  const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
  const metricNames = (expr: string) => expr.match(/\b(?:talon|process|nodejs)_[a-z0-9_]+/g) ?? [];

  it('queries a Prometheus data source chosen by a variable', () => {
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    for (const panel of dashboard.panels) expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
  });

  it('asks only for metrics the server exposes, and shows issue rate, waiting, wait p90, commit p99, screens and print failures', async () => {
    const server = await started();
    await issue(server, 'documents');
    const exposed = [...new Set(samplesOf((await scrape(server.url, bearer(await server.login('admin')))).text).map((s) => s.name))];
    for (const expr of exprs) {
      expect(metricNames(expr).length, expr).toBeGreaterThan(0);
      for (const name of metricNames(expr)) expect(exposed, `${name} in ${expr}`).toContain(name);
    }
    const asked = exprs.join('\n');
    expect(asked).toContain('rate(talon_tickets_issued_total');
    expect(asked).toContain('talon_tickets_waiting');
    expect(asked).toContain('histogram_quantile(0.9, sum by (le, office, service) (rate(talon_wait_seconds_bucket');
    expect(asked).toContain('histogram_quantile(0.99, sum by (le) (rate(talon_commit_seconds_bucket');
    expect(asked).toContain('talon_screens_connected');
    expect(asked).toContain('talon_print_failures_total');
  });
});
