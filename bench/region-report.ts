// The regional view over a year of 200 offices: one office's year generated in full
// (db/generate-history.ts, 2,000 visitors a day, summarised and digested per day as the server
// would), its whole-office day summaries and digests then copied to 199 more offices — the regional reports read only those stored rows, so the copies cost
// a report exactly what 199 generated years would, without 30 hours of simulation (the per-service
// summaries, ~60 MiB an office, are left out: nothing regional reads them). Each report's first
// answer after the server starts, then again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalDate, OfficeId } from '../common/protocol';
import { addDays, localDate } from '../common/time/calendar';
import { previousPeriod } from '../server/analytics/aligned-periods';
import { ALL_VISITS, AnalyticsStore } from '../server/analytics/analytics-store';
import { RegionDigests } from '../server/region/region-digests';
import type { RegionOffice } from '../server/region/region-offices';
import { loadConfig } from '../server/store/config-store';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { copyOffice, getOffice } from '../server/store/offices-store';
import { ADMIN_PASSWORD } from '../test/support/talon-server';
import { copyId } from './office-data';
import { serverOn } from './server-process';
import { ms } from './stats';

const OFFICES = 200;
const PER_DAY = 2000;
const TARGET_MS = 1000;
/** How long a report may take before the run gives up on it: under fetch's own 5-minute wait for headers. */
const ANSWER_LIMIT_MS = 4 * 60_000;
const GENERATED: OfficeId = copyId(1);

/**
 * Offices office-2 … office-N as copies of office-1: settings, its whole-office day summaries and
 * its regional digests — generate-history stores them with the summaries; asking for the period and
 * the year before builds any still missing (server/region/region-digests.ts) before they are copied.
 */
async function copyYear(file: string, count: number, period: { from: LocalDate; to: LocalDate }): Promise<OfficeId[]> {
  const db = await SqliteDatabase.open(file);
  try {
    const source = (await getOffice(db.read, GENERATED))!;
    const office1: RegionOffice = { id: GENERATED, config: (await loadConfig(db, GENERATED))!, analytics: new AnalyticsStore(db, GENERATED, Date.now) };
    const digests = new RegionDigests(db);
    for (const p of [period, previousPeriod(period, 'year')]) await digests.of([office1], p, Date.now());
    const ids = Array.from({ length: count - 1 }, (_, i) => copyId(i + 2));
    const now = Date.now();
    await db.transaction(async (tx) => {
      for (const [i, id] of ids.entries()) {
        const n = i + 2;
        const name = { ru: `Клиентская служба № ${n}`, uk: `Клієнтська служба № ${n}`, en: `Client service No. ${n}` };
        await copyOffice(tx, GENERATED, id, now + n, { ...source.office, name });
        await tx.run(
          `INSERT INTO analytics_days (office_id, date, scope, time_zone, version, visits, longest, counters)
           SELECT ?, date, scope, time_zone, version, visits, longest, counters FROM analytics_days WHERE office_id = ? AND scope = ?`,
          [id, GENERATED, ALL_VISITS],
        );
        // The copies have office-1's services, so its digests' targets fingerprint holds for them.
        await tx.run(
          `INSERT INTO region_days (office_id, date, time_zone, version, targets, digest)
           SELECT ?, date, time_zone, version, targets, digest FROM region_days WHERE office_id = ?`,
          [id, GENERATED],
        );
      }
    });
    return [GENERATED, ...ids];
  } finally {
    await db.close();
  }
}

export async function benchRegionReport(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-region-'));
  // The generated offices start on Irkutsk time (db/history/offices.ts); their year ends yesterday there.
  const to = addDays(localDate(Date.now(), 'Asia/Irkutsk'), -1);
  const from = addDays(to, -364);
  const generateStart = performance.now();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'db', 'generate-history.ts'), '--offices', '1', '--days', '365', '--per-day', String(PER_DAY), '--end', to, '--data-dir', dataDir],
    { stdio: 'ignore', env: { ...process.env, TALON_ADMIN_PASSWORD: ADMIN_PASSWORD } },
  );
  return measureRegionReport(dataDir, from, to, (performance.now() - generateStart) / 1000);
}

/** The reports over `count` offices, on a data folder holding office-1's generated year `from` … `to`. */
export async function measureRegionReport(dataDir: string, from: LocalDate, to: LocalDate, generateS: number, count = OFFICES): Promise<string> {
  const copyStart = performance.now();
  const offices = await copyYear(join(dataDir, 'talon.sqlite'), count, { from, to });
  const copyS = (performance.now() - copyStart) / 1000;
  const server = await serverOn(dataDir, offices);
  try {
    const token = await server.token('admin');
    /** Null when no answer came within ANSWER_LIMIT_MS. */
    const timed = async (path: string): Promise<{ ms: number; bytes: number } | null> => {
      const start = performance.now();
      try {
        const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(ANSWER_LIMIT_MS) });
        const body = await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
        return { ms: performance.now() - start, bytes: body.byteLength };
      } catch (error) {
        if (error instanceof DOMException && error.name === 'TimeoutError') return null;
        throw error;
      }
    };
    const period = `from=${from}&to=${to}`;
    const questions: [string, string][] = [
      ['side by side, against the year before', `/api/region/report?${period}&compareWith=year`],
      ['side by side, sorted by P90 wait, as CSV', `/api/region/report?${period}&compareWith=year&sort=p90WaitMinutes&direction=desc&format=csv`],
      ['weekday × hour heat map', `/api/region/heatmap?${period}`],
      ['staffing advisor per office', `/api/region/staffing?${period}`],
    ];
    const lines = [
      `${count} offices × 365 days (${from} – ${to}): office-1's year of ${PER_DAY.toLocaleString('en')} visitors a day generated and summarised in ${generateS.toFixed(0)} s,`,
      `its ${count - 1} copies' settings, day summaries and digests written in ${copyS.toFixed(1)} s. Timed over HTTP as a regional admin.`,
      '',
      '| report | first answer after start | again | size | under 1 s |',
      '| --- | --- | --- | --- | --- |',
    ];
    for (const [name, path] of questions) {
      const first = await timed(path);
      if (!first) {
        // The server is still at it, and would be for every question after this one too.
        lines.push(`| ${name} | no answer within ${ANSWER_LIMIT_MS / 60_000} min | not asked | | no |`);
        break;
      }
      const again = await timed(path);
      const againText = again ? ms(again.ms) : `no answer within ${ANSWER_LIMIT_MS / 60_000} min`;
      lines.push(`| ${name} | ${ms(first.ms)} | ${againText} | ${(first.bytes / 1024).toFixed(0)} KiB | ${again && Math.max(first.ms, again.ms) < TARGET_MS ? 'yes' : 'no'} |`);
    }
    return lines.join('\n');
  } finally {
    await server.kill9();
  }
}
