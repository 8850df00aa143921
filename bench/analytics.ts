// Each analytics report over one year of a busy office (~730,000 tickets from
// db/generate-history.ts, which also summarises every day it writes): each report's first query
// after a restart (a fresh store reading the day summaries from SQLite), then again from memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previousPeriod } from '../server/analytics/aligned-periods';
import { ALL_VISITS, AnalyticsStore } from '../server/analytics/analytics-store';
import type { ReportInput } from '../server/analytics/measures';
import { scheduledOpenHours } from '../server/analytics/open-days';
import { REPORTS } from '../server/analytics/reports';
import { DEFAULT_STAFFING } from '../server/analytics/staffing';
import { addDays, localDate } from '../common/time/calendar';
import { loadConfig } from '../server/store/config-store';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { SINGLE_OFFICE_ID } from '../server/store/seed';
import type { QueueConfig } from '../server/domain/state';
import { ms } from './stats';

const TARGET_MS = 300;
const PER_DAY = 2000;

async function runReport(store: AnalyticsStore, name: keyof typeof REPORTS, period: ReportInput['period'], config: QueueConfig): Promise<number> {
  const { timeZone, schedule } = config.office;
  const definition = REPORTS[name];
  const start = performance.now();
  const inputFor = async (p: ReportInput['period']): Promise<ReportInput> => ({
    period: p,
    days: await store.days({ ...p, timeZone, scope: ALL_VISITS }),
    services: config.services,
    openHours: scheduledOpenHours(schedule, p, timeZone),
  });
  const input = await inputFor(period);
  const previous = definition.needsPrevious ? await inputFor(previousPeriod(period, 'year')) : null;
  definition.produce({ input, previous, compareWith: 'year', staffing: DEFAULT_STAFFING, limit: 20, staffNames: await store.staffNames() });
  return performance.now() - start;
}

export async function benchAnalytics(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
  const generateStart = performance.now();
  execFileSync('npx', ['tsx', join(import.meta.dirname, '..', 'db', 'generate-history.ts'), '--days', '365', '--per-day', String(PER_DAY), '--data-dir', dataDir], { stdio: 'ignore' });
  const generateMs = performance.now() - generateStart;
  const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
  try {
    const config = (await loadConfig(db, SINGLE_OFFICE_ID))!;
    const { timeZone } = config.office;
    const to = addDays(localDate(Date.now(), timeZone), -1);
    const period = { from: addDays(to, -364), to };
    const tickets = await db.read.get<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE office_id = 'main'");
    const lines = [
      `${tickets?.n ?? 0} tickets (${PER_DAY}/day) generated and summarised in ${(generateMs / 1000).toFixed(1)} s.`,
      '',
      '| report | first query after a restart | again (summaries in memory) | within 300 ms |',
      '| --- | --- | --- | --- |',
    ];
    // The previous year of `comparison` has no tickets: summarise its empty days once, as a server would.
    await new AnalyticsStore(db, SINGLE_OFFICE_ID, Date.now).summarise(addDays(period.from, -365), addDays(period.from, -1), timeZone);
    for (const name of Object.keys(REPORTS) as (keyof typeof REPORTS)[]) {
      const store = new AnalyticsStore(db, SINGLE_OFFICE_ID, Date.now);
      const cold = await runReport(store, name, period, config);
      const warm = await runReport(store, name, period, config);
      lines.push(`| ${name} | ${ms(cold)} | ${ms(warm)} | ${Math.max(cold, warm) <= TARGET_MS ? 'yes' : 'no'} |`);
    }
    return lines.join('\n');
  } finally {
    await db.close();
  }
}
